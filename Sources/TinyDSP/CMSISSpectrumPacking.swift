extension RealFourierTransform {
    /// Rearranges a spectrum (`real`, `imaginary`, bins `0 … N/2`) into CMSIS-DSP
    /// `arm_rfft_fast_f32` packing, `N` floats:
    /// `[Re X₀, Re X_{N/2}, Re X₁, Im X₁, …, Re X_{N/2−1}, Im X_{N/2−1}]`
    /// (both DC and Nyquist are real, so CMSIS stores the Nyquist real part in slot 1).
    public func packCMSIS(real: UnsafePointer<Float>, imaginary: UnsafePointer<Float>,
                          into packed: UnsafeMutablePointer<Float>) {
        let half = size / 2
        packed[0] = real[0]
        packed[1] = real[half]
        for k in 1 ..< half {
            packed[2 * k] = real[k]
            packed[2 * k + 1] = imaginary[k]
        }
    }
}
