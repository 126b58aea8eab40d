/// Element counts of tensor shapes, overflow-checked: every tensor reader (`.npy`, `.npz`) sizes
/// its payload through here, so a header claiming `(2**62, 8)` is an error, never a trap.
public enum TensorShape {
    /// `shape`'s element count times `elementBytes`, or nil when a dimension is negative or the
    /// product does not fit in `Int`. A 0-d shape (`[]`) holds one element.
    public static func byteCount(_ shape: [Int], elementBytes: Int = 1) -> Int? {
        var product = elementBytes
        guard product >= 0 else { return nil }
        for d in shape {
            guard d >= 0 else { return nil }
            let (p, overflow) = product.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            product = p
        }
        return product
    }
}
