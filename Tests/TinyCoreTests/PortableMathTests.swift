import Foundation
import Testing
import TinyCore

/// The portable float `expFloat` / `tanhFloat` (which build SOFTMAX/LOGISTIC/TANH tables on every
/// target) against the host C library. Exhaustive over all 2^32 inputs in
/// Tools/golden/check_portable_math.sh; here a strided sample of ~430,000 bit patterns plus the
/// special values, bit for bit (the host here is glibc; skipped elsewhere).
@Suite struct PortableMathTests {
    #if os(Linux)
    static let hostIsGlibc = true
    #else
    static let hostIsGlibc = false
    #endif

    static func same(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    @Test(.enabled(if: hostIsGlibc, "the reference is glibc's expf/tanhf"))
    func matchesHostLibmOnSample() {
        var expMismatches = 0, tanhMismatches = 0
        var u: UInt64 = 0
        while u <= UInt64(UInt32.max) {
            let x = Float(bitPattern: UInt32(u))
            if !Self.same(expFloat(x), Foundation.expf(x)) { expMismatches += 1 }
            if !Self.same(tanhFloat(x), Foundation.tanhf(x)) { tanhMismatches += 1 }
            u += 10_007
        }
        #expect(expMismatches == 0)
        #expect(tanhMismatches == 0)
    }

    @Test func specialValues() {
        #expect(expFloat(0) == 1)
        #expect(expFloat(-.infinity) == 0)
        #expect(expFloat(.infinity) == .infinity)
        #expect(expFloat(89) == .infinity)
        #expect(expFloat(-104) == 0)
        #expect(expFloat(.nan).isNaN)
        #expect(tanhFloat(0).bitPattern == 0)
        #expect(tanhFloat(-0.0).bitPattern == (-0.0 as Float).bitPattern)
        #expect(tanhFloat(.infinity) == 1 && tanhFloat(-.infinity) == -1)
        #expect(tanhFloat(30) == 1 && tanhFloat(-30) == -1)
        #expect(tanhFloat(.nan).isNaN)
    }

    /// The values a SOFTMAX table needs (`exp(-scale · v)`, v in 0...255) for the MLPerf KWS
    /// logits scale, and LOGISTIC/TANH inputs over a full int8 range.
    @Test(.enabled(if: hostIsGlibc, "the reference is glibc's expf/tanhf"))
    func tableInputs() {
        let scale: Float = 0.1471
        for v in 0 ... 255 {
            let x = -scale * Float(v)
            #expect(Self.same(expFloat(x), Foundation.expf(x)))
            #expect(Self.same(tanhFloat(x / 4), Foundation.tanhf(x / 4)))
        }
    }
}
