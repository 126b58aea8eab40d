#!/usr/bin/env bash
# Embedded stage of ./Scripts/test.sh.
#  1. Compiles TinyCore and TinyLite (and TinyDSP once it has sources) unchanged as Embedded Swift
#     for armv7em-none-none-eabi (Cortex-M7, Cortex-M4) and riscv64-none-none-eabi, with the
#     firmware in Embedded/Firmware; any compile error fails the check loudly.
#  2. Links one firmware image per model of Embedded/models.txt and core, runs it under QEMU
#     (mps2-an500, mps2-an386, virt) and requires every output byte to equal the host's
#     `tinyml run` on the same input (and LiteRT BUILTIN_REF outputs where the list names them).
#  3. Runs the application firmware — each whole pipeline from its PipelineImage over a test stream
#     made from ../shared — on every core and requires its decisions to equal the host CLI's --json
#     (Embedded/pipelines.sh); KWS and gestures also stream live over the emulated UART.
#  3b. Runs every ESP32-S3 model's exported C library on a real Xtensa core (LX106 under
#     qemu-system-xtensa) bit-identical to the host, with the counts of
#     Pipelines/boards/measurements-c.json (Embedded/xtensa.sh).
#  4. Compares the measured instructions per inference and per pipeline hop, section sizes, stack,
#     heap and arena with Embedded/measurements.json (exactly: the counts repeat run to run).
#  5. Links every pipeline's application image for the real boards (Embedded/links.sh: STM32H743,
#     nRF52840, K210 memory maps, measured heap and stack, reservations) and compares the fit,
#     flash and RAM with Embedded/links.json.
# Usage: Embedded/check.sh [--update]   (--update rewrites Embedded/measurements.json)
set -euo pipefail
source "$(dirname "$0")/firmware.sh"
source "$(dirname "$0")/links.sh"
cd "$REPO_DIR"

update=0
if [ "${1:-}" = --update ]; then update=1; elif [ $# -gt 0 ]; then echo "usage: Embedded/check.sh [--update]" >&2; exit 2; fi

fail() { echo "Embedded/check.sh: error: $*" >&2; exit 1; }
for tool in swiftc arm-none-eabi-gcc qemu-system-arm qemu-system-riscv64 perl sha256sum od mkfifo; do
    command -v "$tool" >/dev/null || fail "'$tool' is missing (CI installs qemu-system-arm qemu-system-misc gcc-arm-none-eabi)"
done

# 1. Embedded Swift compile of the portable modules and the firmware, per core.
for core in "${CORES[@]}"; do
    core_settings "$core"
    echo "embedded: compiling $(portable_modules | tr ' ' '+') + firmware for $core ($TRIPLE)"
    compile_core "$core" || fail "the portable modules or the firmware no longer compile as Embedded Swift for $core ($TRIPLE); see the errors above"
done

# 2. Host reference: the tinyml command-line tool and the pipeline demos.
swift build >/dev/null || fail "swift build failed"
TINYML="$(swift build --show-bin-path)/tinyml"

work="$EMBEDDED_BUILD/runs"
rm -rf "$work" && mkdir -p "$work"
shared_path() { # repository-relative path or shared/... -> file on this machine
    case "$1" in
    shared/reference-models/*) echo "${TINYML_REFERENCE_MODELS:-$REPO_DIR/../shared/reference-models}/${1#shared/reference-models/}" ;;
    shared/*) echo "$REPO_DIR/../$1" ;;
    *) echo "$REPO_DIR/$1" ;;
    esac
}
hex_of() { od -An -tx1 -v "$1" | tr -d ' \n'; }
section_size() { # ELF section name -> bytes (0 when absent)
    local hex
    hex=$("$SWIFT_BIN/llvm-objdump" -h "$1" | awk -v s="$2" '$2 == s { print $3 }')
    echo $(( 16#${hex:-0} ))
}

toolchain="$(swiftc --version 2>/dev/null | head -1), Embedded Swift $EMBEDDED_SWIFT_OPT; $(qemu-system-arm --version | head -1), -icount shift=0"
entries=()   # "model|sha|core|json fields"
checked=0 skipped=()
while read -r model inputs expected; do
    case "$model" in ''|'#'*) continue ;; esac
    model_file=$(shared_path "$model")
    input_spec=${inputs#csv:}
    input_source=$(shared_path "$input_spec")
    if [ ! -f "$model_file" ] || [ ! -f "$input_source" ]; then
        skipped+=("$model"); echo "embedded: skipping $model (not present on this machine)"; continue
    fi
    name=$(echo "${model%.tflite}" | tr '/' '_')
    input_file="$work/$name.in.bin"
    if [ "$inputs" != "$input_spec" ]; then
        perl -ne 'print pack("c*", map { int } split /,/)' "$input_source" > "$input_file"
    else
        cp "$input_source" "$input_file"
    fi
    expected_file=
    if [ -n "${expected:-}" ]; then expected_file=$(shared_path "$expected")
    elif [ -f "${input_source%.in.bin}.out.bin" ]; then expected_file="${input_source%.in.bin}.out.bin"; fi
    sha=$(sha256sum "$model_file" | cut -d' ' -f1)
    # A line with the same model file and inputs as an earlier one (an in-repo copy of a reference
    # model) reuses that firmware run; its outputs are still compared with its own expectations.
    run_id="${sha:0:16}-$(sha256sum "$input_file" | cut -c1-16)"

    for core in "${CORES[@]}"; do
        core_settings "$core"
        elf="$work/$run_id-$core.elf" log="$work/$run_id-$core.log"
        if [ ! -f "$log" ]; then
            link_firmware "$core" "$model_file" "$input_file" "$elf"
            if ! run_firmware "$core" "$elf" > "$log" 2>&1; then
                cat "$log" >&2; fail "$model on $core: the firmware failed (log: $log)"
            fi
        fi
        read -r _ in_bytes out_bytes < <(grep '^io ' "$log")
        cases=$(( $(stat -c %s "$input_file") / in_bytes ))
        [ "$(grep -c '^case ' "$log")" -eq "$cases" ] || fail "$model on $core: expected $cases cases in $log"
        for ((c = 0; c < cases; c++)); do
            device=$(awk -v c="$c" '$1 == "case" && $2 == c { print $6 }' "$log")
            case_in="$work/$name.case$c.in" case_out="$work/$name.case$c.host"
            if [ ! -f "$case_out" ]; then
                dd if="$input_file" of="$case_in" bs="$in_bytes" skip="$c" count=1 status=none
                "$TINYML" run "$model_file" --input "$case_in" --output "$case_out"
            fi
            host=$(hex_of "$case_out")
            [ "$device" = "$host" ] || fail "$model case $c: $core output $device differs from the host's $host"
            if [ -n "$expected_file" ]; then
                dd if="$expected_file" of="$work/$name.case$c.ref" bs="$out_bytes" skip="$c" count=1 status=none
                ref=$(hex_of "$work/$name.case$c.ref")
                [ "$device" = "$ref" ] || fail "$model case $c: $core output $device differs from LiteRT BUILTIN_REF $ref"
            fi
        done
        instructions=$(awk '$1 == "case" && $2 == 0 { print $4 }' "$log")
        read -r _ arena _ heap _ stack < <(grep '^arena ' "$log")
        load=$(awk '$1 == "load" { print $3 }' "$log")
        read -r _ _ _ mapped _ copied < <(grep '^constants in place ' "$log")
        text=$(( $(section_size "$elf" .text) + $(section_size "$elf" .ARM.exidx) ))
        fields="\"qemu_machine\": \"${QEMU[2]}\", \"instructions_per_inference\": $instructions, \"text_bytes\": $text"
        fields+=", \"rodata_bytes\": $(section_size "$elf" .rodata), \"data_bytes\": $(section_size "$elf" .data)"
        fields+=", \"bss_bytes\": $(section_size "$elf" .bss), \"stack_bytes\": $stack, \"arena_bytes\": $arena"
        fields+=", \"heap_bytes\": $heap, \"load_instructions\": $load"
        fields+=", \"constants_in_place_bytes\": $mapped, \"constants_copied_bytes\": $copied"
        entries+=("$model|$sha|$(stat -c %s "$model_file")|$core|$fields")
        printf 'embedded: %-52s %-10s %10d instructions/inference  %d cases bit-identical%s\n' \
            "$model" "$core" "$instructions" "$cases" "${expected_file:+ (host and LiteRT)}"
        checked=$((checked + 1))
    done
done < Embedded/models.txt

# 2b. Feature front ends: the firmware runs TinyDSP's StreamingFrontEnd<PortableRealFFT> from a
#     FrontEndImage (tinyml export --target frontend) over float32 samples; every input must equal
#     `tinyml features --fft portable` on the same samples bit for bit.
npy_data_hex() { # .npy (format 1.0) -> hex of its data
    perl -e 'local $/; my $d = <STDIN>; my $n = unpack("v", substr($d, 8, 2)); print unpack("H*", substr($d, 10 + $n))' < "$1"
}
wav_data() { # WAV -> its data chunk, raw
    perl -e 'local $/; my $d = <STDIN>; my $p = 12;
        while ($p + 8 <= length $d) { my ($id, $n) = unpack("a4 V", substr($d, $p, 8));
            if ($id eq "data") { print substr($d, $p + 8, $n); exit 0 } $p += 8 + $n + ($n & 1) }
        exit 1' < "$1" > "$2"
}
npz_member() { # .npz (stored) member -> file
    perl -MIO::Uncompress::Unzip=unzip,\$UnzipError -e 'unzip $ARGV[0] => $ARGV[2], Name => $ARGV[1] or die "$UnzipError\n"' "$@"
}
feature_entries=()   # "key|\"spec\": \"<spec>\"|core|json fields" (render_grouped)
# A motion pipeline: the int8 model input of a recording, quantised on the device from the float
# window `tinyml features` makes, must equal the int8 window `tinyml features` makes.
sensor_window() { # key spec recording rate image
    local key=$1 spec=$2 recording=$3 rate=$4 image=$5 dir="$work/fe-$1"
    mkdir -p "$dir"
    cp "$recording" "$dir/recording.csv"
    label=$(perl -MJSON::PP -e 'local $/; print decode_json(<STDIN>)->{labels}[0]' < "$spec")
    printf 'file,label,split,sample_rate_hz\nrecording.csv,%s,check,%s\n' "$label" "$rate" > "$dir/MANIFEST.csv"
    for kind in float int8; do
        flag=()
        [ "$kind" = float ] && flag=(--float)
        "$TINYML" features "$spec" --manifest "$dir/MANIFEST.csv" "${flag[@]}" --out "$dir/$kind.npz" >/dev/null 2>&1 \
            || fail "tinyml features $spec (--manifest $dir/MANIFEST.csv) failed"
        npz_member "$dir/$kind.npz" x.npy "$dir/$kind.npy"
    done
    perl -e 'local $/; my $d = <STDIN>; my $n = unpack("v", substr($d, 8, 2)); print substr($d, 10 + $n)' < "$dir/float.npy" > "$dir/windows.f32"
    local host_hex
    host_hex=$(npy_data_hex "$dir/int8.npy")
    for core in "${CORES[@]}"; do
        core_settings "$core"
        elf="$dir/$core.elf" log="$dir/$core.log"
        link_firmware "$core" "$image" "$dir/windows.f32" "$elf"
        run_firmware "$core" "$elf" > "$log" 2>&1 || { cat "$log" >&2; fail "sensor window $key on $core: the firmware failed (log: $log)"; }
        [ "$(awk '$1 == "input" { printf "%s", $3 }' "$log")" = "$host_hex" ] \
            || fail "sensor window $key on $core: int8 input differs from tinyml features (log: $log)"
        read -r inputs take < <(awk '$1 == "window" && $2 == "inputs" { print $3, $5 }' "$log")
        read -r _ heap _ stack < <(grep '^heap ' "$log")
        feature_entries+=("$key-input|\"spec\": \"$spec\"|$core|\"qemu_machine\": \"${QEMU[2]}\", \"instructions_per_call\": $(( (take + inputs / 2) / inputs )), \"calls_measured\": $inputs, \"heap_bytes\": $heap, \"stack_bytes\": $stack")
        printf 'embedded: sensor window %-34s %-10s %8d instructions/input  %d inputs bit-identical\n' \
            "$key" "$core" "$(( (take + inputs / 2) / inputs ))" "$inputs"
        checked=$((checked + 1))
    done
}
while read -r key spec signal rate; do
    case "$key" in ''|'#'*) continue ;; esac
    image="$work/fe-$key.tmfe" samples_wav="$work/fe-$key.wav" samples="$work/fe-$key.f32" host="$work/fe-$key.npy"
    "$TINYML" export --target frontend --spec "$spec" --out "$image" >/dev/null
    if [ "$(head -c 4 "$image")" = TMSW ]; then sensor_window "$key" "$spec" "$signal" "$rate" "$image"; continue; fi
    "$TINYML" audio convert "$signal" -o "$samples_wav" --rate "$rate" --encoding float32 2>/dev/null
    wav_data "$samples_wav" "$samples" || fail "$signal: no data chunk in the converted WAV"
    hop_seconds=$(perl -e 'use JSON::PP; local $/; my $s = decode_json(<STDIN>); $s = $s->{features} if $s->{features}{frame};
        printf "%.17g", $s->{frame}{hop} / $s->{sampleRate}' < "$spec")
    "$TINYML" features "$spec" "$samples_wav" --float --fft portable --window-hop "$hop_seconds" --out "$host" >/dev/null 2>&1 \
        || fail "tinyml features $spec $samples_wav failed"
    host_hex=$(npy_data_hex "$host")
    for core in "${CORES[@]}"; do
        core_settings "$core"
        elf="$work/fe-$key-$core.elf" log="$work/fe-$key-$core.log"
        link_firmware "$core" "$image" "$samples" "$elf"
        if ! run_firmware "$core" "$elf" > "$log" 2>&1; then
            cat "$log" >&2; fail "front end $key on $core: the firmware failed (log: $log)"
        fi
        device_hex=$(awk '$1 == "input" { printf "%s", $3 }' "$log")
        [ -n "$device_hex" ] || fail "front end $key on $core: no inputs (log: $log)"
        [ "$device_hex" = "$host_hex" ] || fail "front end $key on $core: features differ from tinyml features --fft portable (log: $log, host: $host)"
        read -r frames append inputs take worst < <(awk '$1 == "frontend" && $2 == "frames" { print $3, $5, $7, $9, $11 }' "$log")
        read -r _ heap _ stack < <(grep '^heap ' "$log")
        common="\"heap_bytes\": $heap, \"stack_bytes\": $stack"
        feature_entries+=("$key-frame|\"spec\": \"$spec\"|$core|\"qemu_machine\": \"${QEMU[2]}\", \"instructions_per_call\": $(( (append + frames / 2) / frames )), \"calls_measured\": $frames, $common")
        feature_entries+=("$key-input|\"spec\": \"$spec\"|$core|\"qemu_machine\": \"${QEMU[2]}\", \"instructions_per_call\": $worst, \"mean_instructions_per_call\": $(( (take + inputs / 2) / inputs )), \"calls_measured\": $inputs, $common")
        printf 'embedded: front end %-38s %-10s %8d instructions/frame %9d instructions/input (worst)  %d inputs bit-identical\n' \
            "$key" "$core" "$(( (append + frames / 2) / frames ))" "$worst" "$inputs"
        checked=$((checked + 1))
    done
done < Embedded/frontends.txt

# 2c. Whole pipelines: the application firmware against the host CLIs (Embedded/pipelines.sh).
source Embedded/pipelines.sh
check_pipelines
check_c_exports

# 2d. The exported C on Xtensa LX106 (Embedded/xtensa.sh).
source Embedded/xtensa.sh
check_xtensa

# 3. measurements.json: one line per (model, core) so that a partial run compares line by line.
render() {
    echo "{"
    echo "  \"toolchain\": \"$toolchain\","
    echo "  \"models\": {"
    local last_model= n=${#entries[@]} i=0
    for e in "${entries[@]}"; do
        IFS='|' read -r model sha size core fields <<< "$e"
        if [ "$model" != "$last_model" ]; then
            [ -n "$last_model" ] && echo "    }},"
            echo "    \"$model\": {\"sha256\": \"$sha\", \"model_bytes\": $size, \"cores\": {"
            last_model=$model
        fi
        i=$((i + 1))
        local next_model=
        [ $i -lt $n ] && next_model=${entries[$i]%%|*}
        if [ $i -lt $n ] && [ "$next_model" = "$model" ]; then sep=","; else sep=""; fi
        echo "      \"$core\": {$fields}$sep"
    done
    [ -n "$last_model" ] && echo "    }}"
    echo "  },"
    echo "  \"features\": {"
    render_grouped feature_entries
    echo "  },"
    echo "  \"pipelines\": {"
    render_grouped pipeline_entries
    echo "  }"
    echo "}"
}
# render_grouped ARRAY: entries "key|the key's fields|core|the core's fields" as JSON members, one
# per key in order of first appearance, its cores (one line each, so partial runs compare line by
# line) grouped under it: "key": {fields, "cores": {"core": {...}, ...}}.
render_grouped() {
    local -n grouped=$1
    local keys=() e k ki=0
    for e in "${grouped[@]}"; do
        k=${e%%|*}
        [[ " ${keys[*]} " == *" $k "* ]] || keys+=("$k")
    done
    for k in "${keys[@]}"; do
        ki=$((ki + 1))
        local lines=() head= key object core fields
        for e in "${grouped[@]}"; do
            IFS='|' read -r key object core fields <<< "$e"
            [ "$key" = "$k" ] || continue
            lines+=("      \"$core\": {$fields}")
            head=$object
        done
        echo "    \"$k\": {$head, \"cores\": {"
        local li=0 l
        for l in "${lines[@]}"; do
            li=$((li + 1))
            if [ $li -lt ${#lines[@]} ]; then echo "$l,"; else echo "$l"; fi
        done
        if [ $ki -lt ${#keys[@]} ]; then echo "    }},"; else echo "    }}"; fi
    done
}
measured="$work/measurements.json"
render > "$measured"
if [ $update = 1 ]; then
    [ ${#skipped[@]} -eq 0 ] || fail "--update needs every model present; missing: ${skipped[*]}"
    cp "$measured" Embedded/measurements.json
    echo "embedded: wrote Embedded/measurements.json ($checked model/core runs)"
    # 5. The application images linked for the real boards, with the heap and stack just measured.
    link_boards --update || fail "the board links failed (Embedded/links.sh)"
    exit 0
fi
[ -f Embedded/measurements.json ] || fail "Embedded/measurements.json is missing; run Embedded/check.sh --update"
grep -qxF "  \"toolchain\": \"$toolchain\"," Embedded/measurements.json \
    || echo "embedded: note: toolchain differs from Embedded/measurements.json ($toolchain)"
stale=0
while IFS= read -r line; do
    case "$line" in *'"qemu_machine"'*|*'"sha256"'*|*'"spec"'*|*'"image_bytes"'*)
        grep -qxF -- "${line%,}" <(sed 's/,$//' Embedded/measurements.json) || { echo "embedded: changed: $line" >&2; stale=1; } ;;
    esac
done < "$measured"
[ $stale = 0 ] || fail "measurements differ from Embedded/measurements.json (diff $measured Embedded/measurements.json); if the change is intended, run Embedded/check.sh --update and commit it"
echo "embedded: $checked model/core runs bit-identical to the host; measurements match Embedded/measurements.json${skipped:+ (skipped: ${skipped[*]})}"
# 5. The application images linked for the real boards (Embedded/links.sh): fit or not, flash, RAM.
link_boards || fail "the board links differ from Embedded/links.json or failed (Embedded/links.sh); if intended, run Embedded/check.sh --update"
