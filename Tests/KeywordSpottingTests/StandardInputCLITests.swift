import Foundation
import Testing
import TinyIO
import TinyTestSupport

/// `kws-demo -` end to end: the built executable reading a FLAC through a real pipe on stdin
/// (spooled by TinyIO) reports exactly the detections it reports for the same FLAC by path.
@Suite struct StandardInputCLITests {
    /// The `kws-demo` that `swift build` / `swift test` built beside the running test binary.
    static let tool: String? = {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          TestPaths.repoRoot.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("kws-demo").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `kws-demo --json arguments`, feeding `stdin` through a pipe from another thread; returns
    /// the exit status and stdout.
    static func kwsDemo(_ arguments: [String], stdin: Data = Data()) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(tool, "kws-demo is not built (swift build)"))
        process.arguments = ["--json"] + arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            for start in stride(from: 0, to: stdin.count, by: 4096) {
                writer.write(stdin.subdata(in: start ..< min(start + 4096, stdin.count)))
            }
            try? writer.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func flacPipedEqualsFlacFile() throws {
        let wav = TestPaths.repoRoot.appendingPathComponent("SampleData/kws/yes_no.wav").path
        let flac = FileManager.default.temporaryDirectory.appendingPathComponent("kws-\(UUID().uuidString).flac").path
        defer { try? FileManager.default.removeItem(atPath: flac) }
        let (info, samples) = try AudioFileReader.readAll(path: wav)
        #expect(info.encoding == "Signed 16 bit PCM")
        try AudioFileWriter.write(samples, to: flac, sampleRate: info.sampleRate, channels: info.channelCount,
                                  container: .flac, encoding: .pcm16)

        let fromFile = try Self.kwsDemo([flac])
        let fromPipe = try Self.kwsDemo(["-"], stdin: try Data(contentsOf: URL(fileURLWithPath: flac)))
        #expect(fromFile.status == 0 && fromPipe.status == 0)
        let detections = fromFile.stdout.split(separator: "\n")
        #expect(detections.count >= 2 && fromFile.stdout.contains("\"yes\"") && fromFile.stdout.contains("\"no\""),
                "\(fromFile.stdout)")
        #expect(fromPipe.stdout == fromFile.stdout)
    }
}
