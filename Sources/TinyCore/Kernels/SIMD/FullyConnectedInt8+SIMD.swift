// FULLY_CONNECTED on hosts: `matrixMultiplyInt8SIMD` with single-rounding requantization, the
// weights read in place (host builds only).
#if !hasFeature(Embedded)

extension FullyConnectedInt8 {
    /// Host workspace: two input rows widened to int16 (`matrixMultiplyWorkspaceBytes`).
    public var workspaceBytes: Int { matrixMultiplyWorkspaceBytes(depth: accumDepth) }

    /// `evaluate`'s result (same exact sums, same single rounding) with the SIMD product; TFLM's
    /// double rounding (`roundsTwice`, a conformance mode) runs the portable kernel.
    public func evaluateSIMD(_ memory: TensorMemory) {
        if roundsTwice { return evaluate(memory) }
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        let weightBase = UnsafePointer(memory.int8(filter))
        requantization.withParameters { parameters in
            let requantizer = SingleRoundingGroupRequantizer(parameters: parameters, channels: outputDepth,
                                                             outputOffset: outputOffset, minimum: activationMin,
                                                             maximum: activationMax)
            let weights = InPlaceColumnQuads(rhs: weightBase, columns: outputDepth, depth: accumDepth)
            matrixMultiplyInt8SIMD(lhs: inputData, lhsStride: accumDepth, rows: batches, rhs: weights,
                                   columns: outputDepth, depth: accumDepth, output: outputData,
                                   outputStride: outputDepth, requantizer: requantizer, workspace: memory.workspace)
        }
    }
}
#endif
