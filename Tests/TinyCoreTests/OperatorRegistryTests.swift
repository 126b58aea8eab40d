import Foundation
import Testing
import TinyCore
@testable import TinyLite
import TinyTestSupport

/// The builtin-operator registry and the named option views, against model-zoo files whose
/// options `Tools/golden/model_zoo.py` states.
@Suite struct OperatorRegistryTests {
    static func zooModel(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestPaths.fixture("TinyCoreTests", "zoo").appendingPathComponent("\(name).tflite")))
    }

    /// Calls `body` with the options table of the first operator with builtin `code` in `bytes`.
    static func withOptions<R>(of code: Int32, in bytes: [UInt8], _ body: (OptionsTable) throws -> R) throws -> R {
        try bytes.withUnsafeBytes { raw in
            let model = try FlatBuffer(bytes: raw).root()
            let codes = try model.tables(1).map { max(Int32(try $0.i8(0)), try $0.i32(3)) }
            let operators = try #require(try model.tables(2).first).tables(3)
            let op = try #require(try operators.first { codes[try $0.index(0)] == code })
            let context = OperatorContext(tensors: [], index: 0, inputs: [], outputs: [])
            return try body(OptionsTable(table: try op.table(4), context: context))
        }
    }

    @Test func everyEntryIsFoundByItsCodeAndNamed() {
        let codes = BuiltinOperator.registry.map(\.code)
        #expect(Set(codes).count == codes.count)
        for entry in BuiltinOperator.registry {
            #expect(BuiltinOperator.lookup(entry.code)?.name == entry.name)
            #expect(BuiltinOperator.name(entry.code) == entry.name)
            #expect(entry.versions.lowerBound == 1)
        }
        #expect(BuiltinOperator.lookup(47) == nil)
        #expect(BuiltinOperator.name(47) == "EXP")
        #expect(BuiltinOperator.name(32) == "CUSTOM")
        #expect(BuiltinOperator.name(999) == "BUILTIN_999")
    }

    @Test func convolutionOptionsReadByName() throws {
        try Self.withOptions(of: 3, in: try Self.zooModel("op_conv_dilated_valid")) { (table) throws in
            let conv = LiteOptions.Conv2D(options: table)
            #expect(try conv.padding == .valid)
            #expect(try conv.strideW == 1 && conv.strideH == 1)
            #expect(try conv.dilationH == 2 && conv.dilationW == 3)
            #expect(try conv.fusedActivation == .relu)
        }
        try Self.withOptions(of: 3, in: try Self.zooModel("op_conv_strided_1x1")) { (table) throws in
            let conv = LiteOptions.Conv2D(options: table)
            #expect(try conv.strideW == 2 && conv.strideH == 2)
            #expect(try conv.dilationH == 1 && conv.dilationW == 1)
        }
        try Self.withOptions(of: 4, in: try Self.zooModel("op_depthwise_dilated")) { (table) throws in
            let depthwise = LiteOptions.DepthwiseConv2D(options: table)
            #expect(try depthwise.padding == .same)
            #expect(try depthwise.depthMultiplier == 2)
            #expect(try depthwise.dilationH == 2 && depthwise.dilationW == 2)
            #expect(try depthwise.fusedActivation == FusedActivation.none)
        }
    }

    /// No table: every field reads its default, and a convolution without options is refused.
    @Test func absentOptionsReadDefaults() throws {
        let context = OperatorContext(tensors: [], index: 7, inputs: [], outputs: [])
        let none = OptionsTable(table: nil, context: context)
        #expect(try LiteOptions.Softmax(options: none).beta == 1)
        #expect(try LiteOptions.Pool2D(options: none).pool()
            == PoolOptions(padding: .same, strideHeight: 0, strideWidth: 0, filterHeight: 0, filterWidth: 0, activation: .none))
        #expect(try LiteOptions.Squeeze(options: none).squeezeDims.isEmpty)
        #expect(throws: GraphError.invalidOperator(op: 7, reason: .badOptions)) {
            try LiteOptions.Conv2D(options: none).convolution()
        }
    }

    /// An operator version newer than the registry's range is listed as unsupported, with its version.
    @Test func unsupportedVersionIsListed() throws {
        var bytes = try Self.zooModel("op_conv_strided_1x1")
        let position = try bytes.withUnsafeBytes { raw in
            let codes = try FlatBuffer(bytes: raw).root().tables(1)
            let conv = try #require(try codes.first { try $0.i32(3) == 3 || $0.i8(0) == 3 })
            return try #require(try conv.field(2))
        }
        bytes.replaceSubrange(position ..< position + 4, with: [99, 0, 0, 0])
        #expect(throws: LiteError.unsupportedOperators([UnsupportedOperator(code: 3, name: "CONV_2D", version: 99, count: 1)])) {
            try loadLiteModel(bytes, math: .portable)
        }
    }
}
