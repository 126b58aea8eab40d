import Foundation
import Testing
import TinyIO
import TinyTestSupport

/// `kws-demo -` end to end: the built executable reading a FLAC through a real pipe on stdin
/// (spooled by TinyIO) reports exactly the detections it reports for the same FLAC by path.
@Suite struct StandardInputCLITests {
    /// Runs the built `kws-demo --json arguments` with `stdin` piped in; the exit status and stdout.
    static func kwsDemo(_ arguments: [String], stdin: Data = Data()) throws -> (status: Int32, stdout: String) {
        let run = try ToolRun.run("kws-demo", ["--json"] + arguments, stdin: stdin)
        return (run.status, run.stdout)
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
