import Foundation
import Testing
import TinyDSP

/// The import-free elementary functions against the C library (glibc's are correctly rounded or
/// within 1 ulp, so agreement within a few ulp is the contract).
@Suite struct PortableMathTests {
    @Test func trigonometryAndExponential() {
        var worstTrig = 0.0, worstExp = 0.0, worstLog = 0.0
        for i in 0 ..< 20000 {
            let x = Double(i - 10000) * 0.0137
            worstTrig = max(worstTrig, abs(PortableMath.cosine(x) - cos(x)), abs(PortableMath.sine(x) - sin(x)))
            let e = Double(i - 10000) * 0.007
            worstExp = max(worstExp, abs(PortableMath.exponential(e) - exp(e)) / exp(e))
            let l = Double(i + 1) * 0.173
            worstLog = max(worstLog, abs(PortableMath.naturalLog(l) - log(l)) / max(1, abs(log(l))))
        }
        #expect(worstTrig < 1e-15)
        #expect(worstExp < 1e-15)
        #expect(worstLog < 1e-15)
    }

    @Test func floatLogWithinOneUlp() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0 ..< 100_000 {
            let x = Float(bitPattern: UInt32.random(in: 0x0080_0000 ... 0x7F7F_FFFF, using: &rng))  // normal positives
            let ours = PortableMath.naturalLog(x)
            let reference = Float(log(Double(x)))
            #expect(abs(ours - reference) <= reference.ulp, "ln(\(x)): \(ours) vs \(reference)")
        }
        #expect(PortableMath.naturalLog(Float(0)) == -.infinity)
        #expect(PortableMath.naturalLog(Float(-1)).isNaN)
        #expect(PortableMath.naturalLog(Float.infinity) == .infinity)
        #expect(PortableMath.naturalLog(Float.leastNonzeroMagnitude) == Float(log(Double(Float.leastNonzeroMagnitude))))
    }
}
