import Foundation
import Testing
import TinyCLI
import TinyTestSupport

/// `AtomicOutputFile`: the target appears only on `commit()`; a discarded, failed or interrupted
/// write leaves nothing behind — including `tinyml features --out` killed with SIGINT or SIGTERM.
@Suite(.serialized) struct AtomicOutputFileTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func contents(_ url: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }

    @Test func commitRenamesAndDiscardRemoves() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.npz").path
        let kept = try AtomicOutputFile(target: target)
        #expect(URL(fileURLWithPath: kept.temporaryPath).deletingLastPathComponent().path == dir.path)
        try Data("ok".utf8).write(to: URL(fileURLWithPath: kept.temporaryPath))
        #expect(!FileManager.default.fileExists(atPath: target))
        try kept.commit()
        kept.discard()
        #expect(Self.contents(dir) == ["out.npz"])
        let dropped = try AtomicOutputFile(target: dir.appendingPathComponent("other.npz").path)
        try Data("half".utf8).write(to: URL(fileURLWithPath: dropped.temporaryPath))
        dropped.discard()
        #expect(Self.contents(dir) == ["out.npz"])
        #expect(throws: ToolError.self) { try AtomicOutputFile(target: "/nonexistent-dir/out.npz") }
    }

    /// The `tinyml` that `swift build` / `swift test` built.
    static let tool = TestPaths.builtTool("tinyml")

    /// A mono 16-bit WAV of `seconds` of noise at 16 kHz.
    static func writeNoise(_ url: URL, seconds: Int) throws {
        let n = 16000 * seconds
        var bytes: [UInt8] = []
        func le32(_ v: Int) { bytes += (0 ..< 4).map { UInt8(v >> (8 * $0) & 0xFF) } }
        func le16(_ v: Int) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        bytes += Array("RIFF".utf8); le32(36 + 2 * n); bytes += Array("WAVEfmt ".utf8)
        le32(16); le16(1); le16(1); le32(16000); le32(32000); le16(2); le16(16)
        bytes += Array("data".utf8); le32(2 * n)
        var rng = SplitMix(seed: 7)
        for _ in 0 ..< n { le16(Int(rng.next() & 0x0FFF)) }
        try Data(bytes).write(to: url)
    }

    @Test(.enabled(if: tool != nil, "tinyml is not built (swift build)"), arguments: [SIGINT, SIGTERM])
    func interruptedFeaturesLeaveNoTemporaryFile(signal: Int32) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("noise.wav")
        try Self.writeNoise(wav, seconds: 30)
        let out = try Self.directory()
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tool!)
        // Every window of the same file, many times over (at most ~300 MB): long enough to be
        // interrupted mid-write.
        process.arguments = ["features", "mlperf-kws", "--window-hop", "0.02",
                             "--out", out.appendingPathComponent("x.npz").path] + Array(repeating: wav.path, count: 400)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Self.contents(out).isEmpty && process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(Self.contents(out).count == 1, "the temporary file appears while writing")
        usleep(200_000)
        kill(process.processIdentifier, signal)
        let killed = Date().addingTimeInterval(30)
        while process.isRunning && Date() < killed { usleep(20_000) }
        if process.isRunning {
            Issue.record("still running 30 s after the signal")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(Self.contents(out).isEmpty, "left behind: \(Self.contents(out))")
    }
}
