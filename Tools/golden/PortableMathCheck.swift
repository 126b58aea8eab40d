// Exhaustive check of TinyCore's portable `expFloat` / `tanhFloat` against the host C library's
// `expf` / `tanhf` over every Float bit pattern (NaNs compared as NaN). Built and run by
// Tools/golden/check_portable_math.sh together with Sources/TinyCore/Math/*.swift.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

@main struct PortableMathCheck {
    static func main() {
        var expMismatches = 0, tanhMismatches = 0
        var u: UInt32 = 0
        repeat {
            let x = Float(bitPattern: u)
            let e = expFloat(x), ge = expf(x)
            if e.bitPattern != ge.bitPattern && !(e.isNaN && ge.isNaN) {
                if expMismatches < 5 { print("expf mismatch at bits 0x\(String(u, radix: 16)): \(e) vs \(ge)") }
                expMismatches += 1
            }
            let t = tanhFloat(x), gt = tanhf(x)
            if t.bitPattern != gt.bitPattern && !(t.isNaN && gt.isNaN) {
                if tanhMismatches < 5 { print("tanhf mismatch at bits 0x\(String(u, radix: 16)): \(t) vs \(gt)") }
                tanhMismatches += 1
            }
            u &+= 1
        } while u != 0
        print("checked 4294967296 inputs: expf mismatches \(expMismatches), tanhf mismatches \(tanhMismatches)")
        if expMismatches + tanhMismatches > 0 { exit(1) }
    }
}
