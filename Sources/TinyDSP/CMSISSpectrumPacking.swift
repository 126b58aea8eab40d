extension RealFourierTransform {
    /// Rearranges an interleaved spectrum (`forward`'s output, bins `0 … N/2`) into CMSIS-DSP
    /// `arm_rfft_fast_f32` packing, `N` floats:
    /// `[Re X₀, Re X_{N/2}, Re X₁, Im X₁, …, Re X_{N/2−1}, Im X_{N/2−1}]`
    /// (both DC and Nyquist are real, so CMSIS stores the Nyquist real part in slot 1).
    public func packCMSIS(_ spectrum: UnsafePointer<Float>, into packed: UnsafeMutablePointer<Float>) {
        packed[0] = spectrum[0]
        packed[1] = spectrum[size]
        (packed + 2).update(from: spectrum + 2, count: size - 2)
    }
}
