#if !hasFeature(Embedded)
extension DepthwiseConv2DInt8 {
    public var workspaceBytes: Int { 0 }
    public func evaluateSIMD(_ memory: TensorMemory) { evaluate(memory) }
}
#endif
