import TinyCore

extension BuiltinOperator {
    /// Every builtin operator the reader implements, by code. `isSupported` and the
    /// unsupported-operator listing of `loadLiteModel` derive from this table.
    static let registry: [BuiltinOperator] = [
        BuiltinOperator(code: 0, name: "ADD", versions: 1 ... 5) { (b, c, o) throws(GraphError) in
            .add(try AddInt8(context: c, activation: try LiteOptions.Arithmetic(options: o).fusedActivation))
        },
        BuiltinOperator(code: 1, name: "AVERAGE_POOL_2D", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            .averagePool2D(try AveragePool2DInt8(context: c, options: try LiteOptions.Pool2D(options: o).pool()))
        },
        BuiltinOperator(code: 2, name: "CONCATENATION", versions: 1 ... 4) { (b, c, o) throws(GraphError) in
            let options = LiteOptions.Concatenation(options: o)
            if try options.fusedActivation != .none { throw c.fail(.badOptions) }
            return .concatenation(try ConcatenationInt8(context: c, axis: try options.axis))
        },
        BuiltinOperator(code: 3, name: "CONV_2D", versions: 1 ... 8) { (b, c, o) throws(GraphError) in
            .conv2D(try Conv2DInt8(context: c, constants: b.constants,
                                   options: try LiteOptions.Conv2D(options: o).convolution()))
        },
        BuiltinOperator(code: 4, name: "DEPTHWISE_CONV_2D", versions: 1 ... 7) { (b, c, o) throws(GraphError) in
            .depthwiseConv2D(try DepthwiseConv2DInt8(context: c, constants: b.constants,
                                                     options: try LiteOptions.DepthwiseConv2D(options: o).convolution()))
        },
        BuiltinOperator(code: 6, name: "DEQUANTIZE", versions: 1 ... 6) { (b, c, o) throws(GraphError) in
            .dequantize(try DequantizeInt8(context: c))
        },
        BuiltinOperator(code: 9, name: "FULLY_CONNECTED", versions: 1 ... 13) { (b, c, o) throws(GraphError) in
            let options = LiteOptions.FullyConnected(options: o)
            if try options.weightsFormat != 0 { throw c.fail(.badOptions) }
            return .fullyConnected(try FullyConnectedInt8(context: c, constants: b.constants,
                                                          activation: try options.fusedActivation, semantics: b.semantics))
        },
        BuiltinOperator(code: 14, name: "LOGISTIC", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            .logistic(try LookupTableInt8(context: c, function: .logistic, math: b.math))
        },
        BuiltinOperator(code: 17, name: "MAX_POOL_2D", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            .maxPool2D(try MaxPool2DInt8(context: c, options: try LiteOptions.Pool2D(options: o).pool()))
        },
        BuiltinOperator(code: 18, name: "MUL", versions: 1 ... 7) { (b, c, o) throws(GraphError) in
            .mul(try MulInt8(context: c, activation: try LiteOptions.Arithmetic(options: o).fusedActivation))
        },
        BuiltinOperator(code: 22, name: "RESHAPE", versions: 1 ... 1) { (b, c, o) throws(GraphError) in
            try b.reshape(c, to: try b.reshapedShape(c))
        },
        BuiltinOperator(code: 25, name: "SOFTMAX", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            .softmax(try SoftmaxInt8(context: c, beta: try LiteOptions.Softmax(options: o).beta, math: b.math))
        },
        BuiltinOperator(code: 28, name: "TANH", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            .tanh(try LookupTableInt8(context: c, function: .tanh, math: b.math))
        },
        BuiltinOperator(code: 34, name: "PAD", versions: 1 ... 4) { (b, c, o) throws(GraphError) in
            .pad(try PadInt8(context: c, constants: b.constants))
        },
        BuiltinOperator(code: 40, name: "MEAN", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            .mean(try MeanInt8(context: c, constants: b.constants))
        },
        BuiltinOperator(code: 43, name: "SQUEEZE", versions: 1 ... 2) { (b, c, o) throws(GraphError) in
            try b.reshape(c, to: try b.squeezedShape(c, LiteOptions.Squeeze(options: o)))
        },
        BuiltinOperator(code: 45, name: "STRIDED_SLICE", versions: 1 ... 8) { (b, c, o) throws(GraphError) in
            try b.foldStridedSlice(c, LiteOptions.StridedSlice(options: o))
            return nil
        },
        BuiltinOperator(code: 60, name: "PADV2", versions: 1 ... 4) { (b, c, o) throws(GraphError) in
            .pad(try PadInt8(context: c, constants: b.constants))
        },
        BuiltinOperator(code: 70, name: "EXPAND_DIMS", versions: 1 ... 1) { (b, c, o) throws(GraphError) in
            try b.reshape(c, to: try b.storedShape(c))
        },
        BuiltinOperator(code: 77, name: "SHAPE", versions: 1 ... 1) { (b, c, o) throws(GraphError) in
            try b.foldShape(c)
            return nil
        },
        BuiltinOperator(code: 83, name: "PACK", versions: 1 ... 4) { (b, c, o) throws(GraphError) in
            try b.foldPack(c, LiteOptions.Pack(options: o))
            return nil
        },
        BuiltinOperator(code: 114, name: "QUANTIZE", versions: 1 ... 3) { (b, c, o) throws(GraphError) in
            let input = try c.inputID(0)
            if input >= 0 && b.tensors[input].type == .float32 { return .quantize(try QuantizeFloat(context: c)) }
            return .requantize(try RequantizeInt8(context: c))
        },
    ]
}
