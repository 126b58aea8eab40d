import FirmwareBoard

/// Console output that never allocates (Swift's `print` of an interpolated string builds a heap
/// `String`): the pipeline run prints its events with these, so the allocation count after set-up
/// stays what the engine itself does, 0.
enum Console {
    static func put(_ text: StaticString) {
        for i in 0 ..< text.utf8CodeUnitCount { _ = putchar(Int32(text.utf8Start[i])) }
    }

    static func put(_ text: String) {
        for byte in text.utf8 { _ = putchar(Int32(byte)) }
    }

    static func put(_ value: Int) {
        if value < 0 { _ = putchar(45) }
        put(UInt64(value.magnitude))
    }

    static func put(_ value: UInt64) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0, v = value
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(48 + v % 10); v /= 10; n += 1 } while v > 0
            while n > 0 { n -= 1; _ = putchar(Int32(d[n])) }
        }
    }

    /// Eight lower-case hex digits.
    static func putHex(_ value: UInt32) {
        let digits: StaticString = "0123456789abcdef"
        for i in (0 ..< 8).reversed() { _ = putchar(Int32(digits.utf8Start[Int((value >> UInt32(4 * i)) & 15)])) }
    }

    static func newline() { _ = putchar(10) }
}
