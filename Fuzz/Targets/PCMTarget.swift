// pcm: raw PCM framing on a pipe (`tool --raw s16le -`): PCMStreamReader → AudioStream (downmix,
// scaling, resampling). Six option bytes pick the settings; the rest is the stream. A stream read
// to its end must yield ceil(frames · outputRate / inputRate) samples, and drop exactly its
// trailing partial frame.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import TinyIO

func fuzzPCM(_ input: [UInt8]) {
    let options = FuzzOptions(input, count: 6)
    let encoding: PCMStreamReader.Encoding = options.bytes[0] & 1 == 0 ? .s16le : .f32le
    let policy: BadInputPolicy = options.bytes[0] & 2 == 0 ? .fail : .skip
    let channels = options.pick(1, [1, 2, 3, 4, 6, 8, 256])
    // Rates whose resampling filters are short: designing one (as AudioStream does per stream) for
    // 44.1 → 16 kHz (8821 taps) cost more than all the framing, at 1300 inputs/s.
    let inputRate = options.pick(2, [16000, 8000, 48000, 32000, 12000, 25, 768_000, 1])
    // Sensor rates stay as they are (an audio rate from 1 Hz would mean 16000 outputs per input frame).
    let outputRate = inputRate < 1000 ? inputRate : options.pick(3, [inputRate, 16000, 8000, 12000])
    let readerBlock = options.pick(4, [1, 3, 64, 4096])
    let streamBlock = options.pick(5, [1, 7, 320, 4096])
    let pipe = FuzzFiles.pipe(options.payload)
    let stdin = ByteInput(fileDescriptor: pipe, name: "<stdin>", closeWhenDone: true)
    guard let reader = try? PCMStreamReader(input: stdin, encoding: encoding, channels: channels, sampleRate: inputRate,
                                            nonFinite: policy, blockFrames: readerBlock),
          let stream = try? AudioStream(source: reader, outputRate: outputRate, scaling: .int16LSB, blockFrames: streamBlock)
    else { return }
    var buffer = [Float](repeating: 0, count: options.pick(5, [5, 1, 333, 4096]))
    var total = 0
    // Read until 0: an input that ended early throws on the read after its last samples.
    while true {
        guard let n = try? stream.read(into: &buffer) else { return }
        if n == 0 { break }
        total += n
    }
    let frameBytes = encoding.bytesPerSample * channels
    let frames = options.payload.count / frameBytes
    fuzzCheck(reader.framesRead == frames, "read \(reader.framesRead) frames of \(options.payload.count) bytes")
    fuzzCheck(reader.droppedTrailingBytes == options.payload.count % frameBytes, "dropped \(reader.droppedTrailingBytes) bytes")
    let expected = (frames * outputRate + inputRate - 1) / inputRate
    fuzzCheck(total == expected, "delivered \(total) samples for \(frames) frames at \(inputRate) → \(outputRate) Hz, expected \(expected)")
}
