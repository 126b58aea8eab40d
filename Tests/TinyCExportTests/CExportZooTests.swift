import Foundation
import Testing
import TinyCExport
import TinyCore
import TinyRuntime
import TinyTestSupport

/// Every golden-zoo model exported to C, compiled with `gcc -std=c99 -Wall -Wextra -Werror
/// -pedantic`, reproduces the LiteRT BUILTIN_REF outputs (and so the Swift core) bit for bit on
/// every recorded input; the same library compiles clean for Cortex-M4 (arm-none-eabi-gcc).
@Suite struct CExportZooTests {
    static let directory = TestPaths.fixture("TinyCoreTests", "zoo")
    static let names: [String] = {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("MANIFEST.csv"), encoding: .utf8)
        else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    }()

    @Test func zooIsPresent() { #expect(Self.names.count >= 10) }

    @Test(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"), arguments: names)
    func bitExactWithLiteRT(_ name: String) throws {
        let model = try Model(contentsOf: Self.directory.appendingPathComponent("\(name).tflite").path)
        let library = try CExporter.export(model: model)
        let harness = try CHarness(library: library, graph: model.graph)
        defer { harness.remove() }
        let inputs = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent("\(name).in.bin")))
        let expected = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent("\(name).out.bin")))
        let got = try harness.invoke(inputs)
        #expect(got.count == expected.count)
        let mismatches = zip(got, expected).filter { $0 != $1 }.count
        #expect(mismatches == 0, "\(name): \(mismatches) of \(expected.count) output bytes differ from LiteRT")
        #expect(library.arenaBytes == Self.expectedArenaBytes(model.graph))
        if let arm = CHarness.armCompiler {
            let object = harness.directory.appendingPathComponent("cortex-m4.o").path
            let c = harness.directory.appendingPathComponent("\(library.name).c").path
            let result = try runProcess(arm, CHarness.armFlags + ["-c", c, "-o", object])
            #expect(result.status == 0, "\(name): arm-none-eabi-gcc: \(result.output)")
        }
    }

    /// The planned activations, then (16-byte aligned) the largest CONV_2D receptive-field column,
    /// `fH * fW * inC` bytes, of a convolution that is not pointwise-without-padding.
    static func expectedArenaBytes(_ graph: Graph) -> Int {
        let activations = graph.planArena(includeScratch: false).arenaBytes
        var column = 0
        for op in graph.operators {
            if case .conv2D(let k) = op, !k.isPointwise {
                column = max(column, k.window.filterHeight * k.window.filterWidth * k.inputChannels)
            }
        }
        return column > 0 ? (activations + 15) / 16 * 16 + column : max(activations, 1)
    }
}
