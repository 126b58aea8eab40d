import ArgumentParser
import Foundation
import TinyCLI
import TinyIO

/// `tinyml audio info|convert`: what an audio file holds, and any audio (or raw PCM on stdin) to
/// mono WAV/FLAC at a pipeline's rate through the same reader, downmix and resampler the pipelines use.
struct AudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audio",
        abstract: "Inspect audio files; convert audio to mono at a rate.",
        subcommands: [AudioInfoCommand.self, AudioConvertCommand.self])
}

struct AudioInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Print rate, channels, length and encoding of audio files.")

    @Argument(help: "Audio files (anything libsndfile reads; '-' reads standard input).") var files: [String]
    @Flag(help: "Print one JSON object per file.") var json = false

    func run() throws {
        withToolErrors("tinyml audio info") {
            for file in files {
                let info = file == "-" ? try Self.standardInputInfo() : try AudioFileReader.info(path: file)
                if json {
                    print(JSONValue.object([
                        ("path", .string(file)), ("sample_rate_hz", .int(info.sampleRate)),
                        ("channels", .int(info.channelCount)), ("frames", .int(info.frames)),
                        ("seconds", .number(info.durationSeconds)), ("container", .string(info.container)),
                        ("encoding", .string(info.encoding)),
                    ]).text)
                } else {
                    print("\(file): \(info.sampleRate) Hz, \(info.channelCount) ch, \(info.frames) frames "
                        + "(\(String(format: "%.3f", info.durationSeconds)) s), \(info.container), \(info.encoding)")
                }
            }
        }
    }

    /// The header of the audio on stdin. A WAV/AIFF/AU stream declares no length, so its frames are
    /// counted by reading it to the end (constant memory).
    static func standardInputInfo() throws -> AudioFileInfo {
        let reader = try AudioFileReader.standardInput()
        var info = reader.info
        guard info.frames == 0 else { return info }
        var block = [Float](repeating: 0, count: 4096 * info.channelCount)
        while true {
            let n = try block.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) }
            if n == 0 { return info }
            info.frames += n
        }
    }
}

struct AudioConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert audio to mono (mean of channels) at a rate (resample_poly's filter), streaming.",
        discussion: """
            The input is a file libsndfile reads, or '-' for stdin: audio in any format libsndfile
            reads (WAV/AIFF/AU streamed, others spooled to a temporary file first), or raw PCM with
            --raw s16le|f32le --input-rate HZ [--channels N]. The output is WAV or FLAC by extension.
            """)

    @Argument(help: "Input audio file, or '-' for stdin.") var input: String
    @Option(name: .shortAndLong, help: "Output .wav or .flac file.") var output: String
    @Option(help: "Output rate in Hz (default: the input's).") var rate: Int?
    @Option(help: "Output encoding: pcm16, pcm24, float32 (WAV only).") var encoding: String = "pcm16"
    @Option(help: "Raw PCM input encoding: s16le or f32le.") var raw: String?
    @Option(help: "Raw PCM input rate in Hz.") var inputRate: Int?
    @Option(help: "Raw PCM input channels.") var channels: Int = 1
    @Option(help: "Input frames per block.") var block: Int = 4096

    func run() throws {
        withToolErrors("tinyml audio convert") {
            guard let container = AudioFileWriter.Container(pathExtension: output) else {
                throw ToolError("output must end in .wav or .flac: \(output)")
            }
            guard let sampleEncoding = AudioFileWriter.Encoding(rawValue: encoding) else {
                throw ToolError("--encoding must be pcm16, pcm24 or float32 (got \(encoding))")
            }
            let source = try openSource()
            let stream = try AudioStream(source: source, outputRate: rate, blockFrames: block)
            let writer = try AudioFileWriter(path: output, sampleRate: stream.outputRate, channels: 1,
                                             container: container, encoding: sampleEncoding)
            let progress = stream.expectedSampleCount.map { ProgressBar(total: $0, label: "convert") }
            var buffer = [Float](repeating: 0, count: 1 << 16)
            while true {
                let n = try stream.read(into: &buffer)
                try buffer.withUnsafeBufferPointer { try writer.write(UnsafeBufferPointer(rebasing: $0[0 ..< n])) }
                progress?.advance(by: n)
                if n < buffer.count { break }
            }
            try writer.close()
            progress?.finish()
            printError("\(output): \(stream.samplesDelivered) samples at \(stream.outputRate) Hz from \(stream.inputRate) Hz")
            if let pcm = source as? PCMStreamReader, pcm.droppedTrailingBytes > 0 {
                printError("tinyml audio convert: warning: dropped \(pcm.droppedTrailingBytes) trailing bytes (an incomplete frame)")
            }
        }
    }

    private func openSource() throws -> any FrameSource {
        if let raw {
            guard let pcm = PCMStreamReader.Encoding(rawValue: raw) else {
                throw ToolError("--raw must be s16le or f32le (got \(raw))")
            }
            guard let inputRate else { throw ToolError("--raw needs --input-rate (raw PCM carries no rate)") }
            let bytes = input == "-" ? ByteInput.standardInput() : try ByteInput(path: input)
            return try PCMStreamReader(input: bytes, encoding: pcm, channels: channels, sampleRate: inputRate)
        }
        return input == "-" ? try AudioFileReader.standardInput() : try AudioFileReader(path: input)
    }
}
