import Foundation
import Testing
import TinyCore
import TinyRuntime
import TinyTestSupport

/// Every model of the golden zoo (Tools/golden/model_zoo.py) reproduces LiteRT BUILTIN_REF outputs
/// bit for bit on every recorded input, and, loaded with `ReferenceSemantics.tflm`, TFLM's own
/// interpreter's outputs (`<name>.tflm.out.bin`, Tools/golden/tflm_zoo.py) as well.
@Suite struct ModelZooTests {
    struct Entry: CustomStringConvertible, Sendable {
        let name: String, cases: Int, inputBytes: Int, outputBytes: Int
        var description: String { name }
    }

    static let directory = TestPaths.fixture("TinyCoreTests", "zoo")

    static let entries: [Entry] = {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("MANIFEST.csv"), encoding: .utf8)
        else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let f = line.split(separator: ",").map(String.init)
            guard f.count >= 4, let c = Int(f[1]), let i = Int(f[2]), let o = Int(f[3]) else { return nil }
            return Entry(name: f[0], cases: c, inputBytes: i, outputBytes: o)
        }
    }()

    @Test func zooIsPresent() {
        #expect(Self.entries.count >= 33)
    }

    /// Both kernel sets against LiteRT: the portable kernels (what devices run) and the host SIMD forms.
    @Test(arguments: entries, [true, false])
    func bitExact(_ entry: Entry, portableKernels: Bool) throws {
        try compare(entry, semantics: .liteRT, expected: "out.bin", portableKernels: portableKernels)
    }

    /// Both kernel sets against TFLM's interpreter, the second peer.
    @Test(arguments: entries, [true, false])
    func bitExactWithTFLM(_ entry: Entry, portableKernels: Bool) throws {
        try compare(entry, semantics: .tflm, expected: "tflm.out.bin", portableKernels: portableKernels)
    }

    /// The two peers really differ where `ReferenceSemantics` says (FULLY_CONNECTED rounding), so
    /// the TFLM test above exercises the double-rounding path and is not LiteRT's test twice.
    @Test func peersDifferOnlyWhereDocumented() throws {
        let differing = try Self.entries.filter { entry in
            try Data(contentsOf: Self.directory.appendingPathComponent("\(entry.name).out.bin"))
                != Data(contentsOf: Self.directory.appendingPathComponent("\(entry.name).tflm.out.bin"))
        }
        #expect(differing.map(\.name) == ["autoencoder"])
    }

    func compare(_ entry: Entry, semantics: ReferenceSemantics, expected: String, portableKernels: Bool) throws {
        let model = try Model(contentsOf: Self.directory.appendingPathComponent("\(entry.name).tflite").path,
                              semantics: semantics)
        let session = Session(model: model)
        session.interpreter.usesPortableKernels = portableKernels
        let kernels = portableKernels ? "portable" : "SIMD"
        let inputs = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent("\(entry.name).in.bin")))
        let outputs = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent("\(entry.name).\(expected)")))
        #expect(inputs.count == entry.cases * entry.inputBytes)
        #expect(outputs.count == entry.cases * entry.outputBytes)
        for c in 0 ..< entry.cases {
            try session.setInput(bytes: Array(inputs[(c * entry.inputBytes) ..< ((c + 1) * entry.inputBytes)]))
            session.invoke()
            let got = try session.outputBytes()
            let want = Array(outputs[(c * entry.outputBytes) ..< ((c + 1) * entry.outputBytes)])
            let mismatches = zip(got, want).filter { $0 != $1 }.count
            #expect(mismatches == 0, "\(entry.name) case \(c), \(kernels) kernels, \(semantics): \(mismatches) of \(want.count) bytes differ")
        }
    }
}
