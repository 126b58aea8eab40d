/// A short, stable identity for configuration or model bytes: `fnv1a64:` and the 16 hex digits of
/// the 64-bit FNV-1a hash (offset basis 0xcbf29ce484222325, prime 0x100000001b3). Used to tie a
/// saved baseline to the exact feature spec (canonical JSON) and model it was learned with; it
/// detects accidental mismatches, it is not a cryptographic hash.
public enum ContentIdentity {
    public static func fnv1a64<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
