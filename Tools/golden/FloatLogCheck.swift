// Exhaustive error bound of TinyDSP's Float `PortableMath.naturalLog` (Sources/TinyDSP/FloatNaturalLog.swift):
// every positive finite Float (normal and subnormal) against the host C library's `log` in Double,
// whose error (< 1 ulp of Double) is 2^-29 of a Float ulp, so the measured error is the kernel's.
// The error of a result y is |y − ln x| in units of 2^(⌊log₂|ln x|⌋ − 23), the spacing of Floats
// at the exact value. Built and run by Tools/golden/check_float_log.sh with Sources/TinyDSP/PortableMath.swift.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

@main struct FloatLogCheck {
    static func main() {
        let bound = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1])! : 1
        var worst = 0.0, worstBits: UInt32 = 0
        var notCorrectlyRounded = 0, checked = 0
        var u: UInt32 = 1
        while u < 0x7F80_0000 {
            let x = Float(bitPattern: u)
            let y = PortableMath.naturalLog(x)
            let exact = log(Double(x))
            checked += 1
            if exact == 0 {
                if y != 0 { worst = .infinity; worstBits = u }
            } else {
                let spacing = Double(sign: .plus, exponent: exact.exponent - 23, significand: 1)
                let error = abs(Double(y) - exact) / spacing
                if error > worst { worst = error; worstBits = u }
                if y != Float(exact) { notCorrectlyRounded += 1 }
            }
            u += 1
        }
        let specials = PortableMath.naturalLog(Float(0)) == -.infinity && PortableMath.naturalLog(-Float(0)) == -.infinity
            && PortableMath.naturalLog(Float(-1)).isNaN && PortableMath.naturalLog(Float.nan).isNaN
            && PortableMath.naturalLog(Float.infinity) == .infinity
        print("checked \(checked) positive finite Floats: largest error \(worst) ulp at bits 0x\(String(worstBits, radix: 16)), "
            + "\(notCorrectlyRounded) results not correctly rounded; specials \(specials ? "ok" : "WRONG")")
        if worst > bound || !specials {
            print("FAIL: bound \(bound) ulp")
            exit(1)
        }
    }
}
