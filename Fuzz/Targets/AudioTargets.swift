// audio-file, audio-pipe: audio files with a header, through AudioFileReader (libsndfile decodes;
// our code checks the header, spots truncated WAVs, relays or spools pipes). Every frame is read;
// a file of known length read to its end without an error must hold the frames its header declares.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import TinyIO

/// audio-file: the input as a seekable file (what `tool file.wav` and `tool - < file.wav` read).
func fuzzAudioFile(_ input: [UInt8]) {
    guard let reader = try? AudioFileReader(fileDescriptor: FuzzFiles.seekable(input), name: "fuzz") else { return }
    let info = reader.info
    // frames is 0 where libsndfile cannot seek in the encoding (e.g. GSM 6.10): length unknown, as on a pipe.
    if let samples = try? reader.readAll(), info.frames > 0 {
        fuzzCheck(samples.count == info.frames * info.channelCount,
                  "read \(samples.count) samples, the header declares \(info.frames) frames of \(info.channelCount)")
    }
    // Seeking back into a file that opened must work, and reads resume there.
    guard info.frames > 0, (try? reader.seek(toFrame: info.frames / 2)) != nil else { return }
    _ = readEveryFrame(reader)
}

/// audio-pipe: the input on a pipe (`sox in.wav -t wav - | tool -`).
func fuzzAudioPipe(_ input: [UInt8]) {
    let pipe = FuzzFiles.pipe(input)
    defer { close(pipe) }
    guard let reader = try? AudioFileReader(fileDescriptor: pipe, name: "fuzz") else { return }
    _ = readEveryFrame(reader)
}

/// Reads `reader` to its end in blocks of 1000 frames, or up to 2^22 frames: libsndfile decodes
/// some encodings past the end of a pipe (an IMA ADPCM WAV of 193 bytes whose header claims 337 MB
/// yields its 670 M frames; Fuzz/RESULTS.md), which would only time the fuzzer out. The frames
/// read, or nil when it threw.
private func readEveryFrame(_ reader: AudioFileReader) -> Int? {
    var block = [Float](repeating: 0, count: 1000 * reader.channelCount)
    var total = 0
    while total < 1 << 22 {
        guard let n = try? block.withUnsafeMutableBufferPointer({ b throws(IOError) in try reader.readFrames(into: b) }) else { return nil }
        if n == 0 { break }
        total += n
    }
    return total
}
