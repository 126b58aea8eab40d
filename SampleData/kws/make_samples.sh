#!/usr/bin/env bash
# Makes the KWS sample WAVs from synthetic speech (espeak-ng) and sox-generated noise, so the
# repository ships no recorded audio. Needs espeak-ng and sox. Re-running gives the same files
# (sox -R: repeatable noise).
#   SampleData/kws/make_samples.sh
# yes_no.wav            16 kHz mono: "yes", "no", "yes", "no" with pauses (voice en-us+m3).
# commands.wav          8 kHz mono (resampled to 16 kHz by kws-demo): the ten keywords and two
#                       other words ("seven", "bird") with pauses, over pink noise at -40 dBFS (voice en-us+f3).
# left_right_stereo.wav 11.025 kHz stereo: "left" in the left channel, then "right" in the right one (voice en).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# word VOICE WORD RATE OUT: the word at RATE Hz, mono 16-bit, with 0.8 s before and 0.7 s after.
word() {
  espeak-ng -v "$1" -w "$tmp/raw.wav" "$2"
  sox -R "$tmp/raw.wav" -r "$3" -b 16 -c 1 "$4" pad 0.8 0.7
}

parts=()
for w in yes no yes no; do word en-us+m3 "$w" 16000 "$tmp/yn_${#parts[@]}.wav"; parts+=("$tmp/yn_${#parts[@]}.wav"); done
sox -R "${parts[@]}" yes_no.wav

parts=()
for w in yes no up down left right seven on off stop bird go; do
  word en-us+f3 "$w" 8000 "$tmp/c_${#parts[@]}.wav"; parts+=("$tmp/c_${#parts[@]}.wav")
done
sox -R "${parts[@]}" "$tmp/speech.wav"
sox -R -n -r 8000 -b 16 -c 1 "$tmp/noise.wav" synth "$(soxi -D "$tmp/speech.wav")" pinknoise vol -40 dB
sox -R -m "$tmp/speech.wav" "$tmp/noise.wav" commands.wav

word en left 11025 "$tmp/l.wav"
word en right 11025 "$tmp/r.wav"
sox -R "$tmp/l.wav" "$tmp/silence.wav" trim 0 0
sox -R -M "$tmp/l.wav" "$(sox -R -n -r 11025 -b 16 -c 1 "$tmp/z1.wav" trim 0 "$(soxi -D "$tmp/l.wav")"; echo "$tmp/z1.wav")" "$tmp/left.wav"
sox -R -M "$(sox -R -n -r 11025 -b 16 -c 1 "$tmp/z2.wav" trim 0 "$(soxi -D "$tmp/r.wav")"; echo "$tmp/z2.wav")" "$tmp/r.wav" "$tmp/right.wav"
sox -R "$tmp/left.wav" "$tmp/right.wav" left_right_stereo.wav
ls -l yes_no.wav commands.wav left_right_stereo.wav
