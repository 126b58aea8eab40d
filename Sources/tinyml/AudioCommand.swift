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
        commandName: "info", abstract: "Print rate, channels, length and encoding of audio files.",
        discussion: """
            The length is the frames actually present. A file (or WAV on stdin) whose header claims \
            more is reported as truncated, with the claimed length, and the command exits 4 once every \
            file is listed. \(ExitStatus.helpText)
            """)

    @Argument(help: "Audio files (anything libsndfile reads; '-' reads standard input).") var files: [String]
    @Flag(help: "Print one JSON object per file.") var json = false

    func run() throws {
        let truncated = withToolErrors("tinyml audio info") { () throws -> Bool in
            var truncated = false
            for file in files {
                let (info, present) = file == "-" ? try Self.standardInputInfo() : try Self.fileInfo(file)
                let claimed = info.frames > present ? info.frames : nil
                truncated = truncated || claimed != nil
                let seconds = Double(present) / Double(info.sampleRate)
                if json {
                    print(JSONValue.object([
                        ("path", .string(file)), ("sample_rate_hz", .int(info.sampleRate)),
                        ("channels", .int(info.channelCount)), ("frames", .int(present)),
                        ("seconds", .number(seconds)), ("container", .string(info.container)),
                        ("encoding", .string(info.encoding)), ("truncated", .bool(claimed != nil)),
                        ("header_frames", claimed.map { .int($0) } ?? .null),
                    ]).text)
                } else {
                    print("\(file): \(info.sampleRate) Hz, \(info.channelCount) ch, \(present) frames "
                        + "(\(String(format: "%.3f", seconds)) s), \(info.container), \(info.encoding)"
                        + (claimed.map { "; truncated: the header claims \($0) frames" } ?? ""))
                }
            }
            return truncated
        }
        if truncated { throw ExitCode(ExitStatus.inputEndedEarly) }
    }

    /// A file's header and the frames it really holds.
    static func fileInfo(_ path: String) throws -> (AudioFileInfo, present: Int) {
        let info = try AudioFileReader.info(path: path)
        return (info, info.presentFrames ?? info.frames)
    }

    /// The header of the audio on stdin and its frames, counted by reading it to the end (constant
    /// memory): a pipe's length is known only then.
    static func standardInputInfo() throws -> (AudioFileInfo, present: Int) {
        let reader = try AudioFileReader.standardInput()
        var present = 0
        var block = [Float](repeating: 0, count: 4096 * reader.info.channelCount)
        while true {
            do {
                let n = try block.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) }
                if n == 0 { return (reader.info, present) }
                present += n
            } catch let error as IOError where error.endedEarly {
                return (reader.info, present)
            }
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
            --raw s16le|f32le --input-rate HZ [--channels N]. The output is WAV or FLAC by extension,
            and may not be the input (refused before anything is written). Rates (input and
            --rate): \(InputRates.conversion.text). A NaN or infinite sample is refused with its
            frame (never converted to 0); a truncated input, or raw PCM that stops mid-sample,
            is converted up to the cut, then reported. \(ExitStatus.helpText)
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
            try OutputPaths.refuseInputs([("--output", output)], inputs: [input])
            if let rate { try InputRates.conversion.check(rate, source: "--rate") }
            let source = try openSource()
            let stream = try AudioStream(source: source, outputRate: rate, blockFrames: block, accepting: .conversion)
            let writer = try AudioFileWriter(path: output, sampleRate: stream.outputRate, channels: 1,
                                             container: container, encoding: sampleEncoding)
            var complete = false
            // A refused input (a NaN sample, a decode error) leaves no half-written output behind.
            defer { if !complete { try? FileManager.default.removeItem(atPath: output) } }
            let progress = stream.expectedSampleCount.map { ProgressBar(total: $0, label: "convert") }
            var buffer = [Float](repeating: 0, count: 1 << 16)
            var cut: IOError?
            while true {
                let n: Int
                do {
                    n = try stream.read(into: &buffer)
                } catch let error as IOError where error.endedEarly {
                    cut = error
                    break
                }
                if n == 0 { break }
                try buffer.withUnsafeBufferPointer { try writer.write(UnsafeBufferPointer(rebasing: $0[0 ..< n])) }
                progress?.advance(by: n)
            }
            try writer.close()
            complete = true
            progress?.finish()
            printError("\(output): \(stream.samplesDelivered) samples at \(stream.outputRate) Hz from \(stream.inputRate) Hz")
            if let cut { throw ToolError(cut) }
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
