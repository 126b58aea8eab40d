import TinyDSP

extension Int8Quantizer {
    /// Quantises an array of floats (host only).
    public func quantize(_ values: [Float]) -> [Int8] {
        var out = [Int8](repeating: 0, count: values.count)
        guard !values.isEmpty else { return out }
        values.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in quantize(v.baseAddress!, into: o.baseAddress!, count: values.count) }
        }
        return out
    }
}
