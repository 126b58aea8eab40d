import Foundation
import Testing
@testable import TinyCExport
import TinyTestSupport

/// The export's fixed C files (`Sources/TinyCExport/C/`) compile clean on their own — each `.c` as a
/// translation unit, each header alone — with the host gcc and with arm-none-eabi-gcc for Cortex-M4
/// under the strictest C99 flags, and the tool embeds every one of them byte for byte.
@Suite struct CSourceFileTests {
    static let directory = TestPaths.repoRoot.appendingPathComponent("Sources/TinyCExport/C")
    static let files: [URL] = {
        let e = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter { ["c", "h"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test func everyFileIsEmbeddedUnchanged() throws {
        #expect(Self.files.count == CSourceFile.all.count)
        for url in Self.files {
            let embedded = try #require(CSourceFile.all.first { $0.name == url.lastPathComponent }, "\(url.lastPathComponent) is not embedded")
            #expect(embedded.bytes == [UInt8](try Data(contentsOf: url)), "\(url.lastPathComponent)")
        }
    }

    @Test(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"))
    func compileWithGCC() throws {
        try Self.compileEach(with: CHarness.compiler!, flags: CHarness.flags)
    }

    @Test(.enabled(if: CHarness.armCompiler != nil, "no arm-none-eabi-gcc on this machine"))
    func compileForCortexM4() throws {
        try Self.compileEach(with: CHarness.armCompiler!, flags: CHarness.armFlags)
    }

    static func compileEach(with compiler: String, flags: [String]) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-csources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(!files.isEmpty)
        for url in files {
            let mode = url.pathExtension == "h" ? ["-x", "c", "-fsyntax-only"] : ["-c", "-o", out.appendingPathComponent(url.lastPathComponent + ".o").path]
            let result = try runProcess(compiler, flags + ["-I", url.deletingLastPathComponent().path,
                                                   "-I", directory.appendingPathComponent("frontend").path] + mode + [url.path])
            #expect(result.status == 0, "\(url.lastPathComponent): \(result.output)")
        }
    }
}
