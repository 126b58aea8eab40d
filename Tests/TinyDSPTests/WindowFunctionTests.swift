import Testing
import TinyDSP

/// Windows against numpy (`np.hanning`, `np.hamming`) and `scipy.signal.get_window(fftbins=True)`.
@Suite struct WindowFunctionTests {
    @Test(arguments: [400, 480])
    func matchesNumpyAndScipy(length: Int) throws {
        let cases: [(String, WindowFunction)] = [
            ("hann_periodic", .hann(.periodic)), ("hann_symmetric", .hann(.symmetric)),
            ("hamming_periodic", .hamming(.periodic)), ("hamming_symmetric", .hamming(.symmetric)),
        ]
        for (name, window) in cases {
            let expected = try Golden.floats("window_\(name)_\(length)").values
            // Tolerance: one float32 rounding of values ≤ 1 (6e-8), plus the Double cosine (1e-16).
            #expect(Golden.maxAbsDifference(window.coefficients(length: length), expected) <= 1.2e-7, "\(name)")
        }
    }

    @Test func edgeCases() {
        #expect(WindowFunction.rectangular.coefficients(length: 3) == [1, 1, 1])
        #expect(WindowFunction.hann(.symmetric).coefficients(length: 1) == [1])
        let periodic = WindowFunction.hann(.periodic).coefficients(length: 4)
        #expect(periodic == [0, 0.5, 1, 0.5])
    }
}
