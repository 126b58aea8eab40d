/// The integer and float primitives the exported C kernels share, each a `static` C function with
/// the exact semantics of its Swift counterpart in TinyCore (`FixedPointMath.swift`,
/// `activationRangeInt8`, `QuantizeFloat`, `SoftmaxInt8`). Only the primitives a model's kernels use
/// are emitted (so `-Wunused-function` stays quiet), in declaration order, which is also
/// dependency order.
///
/// Portability contract: C99 with `<stdint.h>`; no libm; no shifts of negative values (right shifts
/// are written through `~`); wrapping conversions from `uint32_t`/`int64_t` to `int32_t` assume
/// two's complement modulo conversion, which GCC, Clang and the Xtensa/RISC-V/ARM GCC ports define.
enum CPrimitive: Int, CaseIterable, Comparable {
    case clamp, shiftRight, shiftRight64, roundingDoublingHighMul, roundingDivideByPOT
    case multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierSingleRounding, roundAwayFromZero
    case dotProduct4x1, dotProduct

    static func < (a: CPrimitive, b: CPrimitive) -> Bool { a.rawValue < b.rawValue }

    /// Primitives this one calls.
    var dependencies: [CPrimitive] {
        switch self {
        case .roundingDivideByPOT: return [.shiftRight]
        case .multiplyByQuantizedMultiplier: return [.roundingDoublingHighMul, .roundingDivideByPOT, .shiftRight]
        case .multiplyByQuantizedMultiplierSingleRounding: return [.shiftRight64]
        default: return []
        }
    }

    /// The closure of `roots` under `dependencies`, sorted into emission order.
    static func closure(_ roots: [CPrimitive]) -> [CPrimitive] {
        var seen = Set<CPrimitive>()
        var stack = roots
        while let p = stack.popLast() {
            if seen.insert(p).inserted { stack += p.dependencies }
        }
        return seen.sorted()
    }

    var source: String {
        switch self {
        case .clamp:
            return """
            /* Swift `max(lo, min(hi, v))` on Int32 (also when lo > hi). */
            static int32_t tml_clamp(int32_t v, int32_t lo, int32_t hi)
            {
                const int32_t m = v < hi ? v : hi;
                return m >= lo ? m : lo;
            }
            """
        case .shiftRight:
            return """
            /* floor(x / 2^n) for n >= 0, as Swift's `>>` on Int32 (n >= 32 gives 0 or -1). */
            static int32_t tml_shift_right(int32_t x, int32_t n)
            {
                if (n > 31) n = 31;
                return x >= 0 ? (x >> n) : ~(~x >> n);
            }
            """
        case .shiftRight64:
            return """
            /* floor(x / 2^n) for 0 <= n <= 63, as Swift's `>>` on Int64. */
            static int64_t tml_shift_right64(int64_t x, int32_t n)
            {
                return x >= 0 ? (x >> n) : ~(~x >> n);
            }
            """
        case .roundingDoublingHighMul:
            return """
            /* gemmlowp SaturatingRoundingDoublingHighMul, trunc((a * b + nudge) / 2^31) with nudge
               2^30 for a * b >= 0 and 1 - 2^30 below, written as the equal floor((a * b + 2^30) / 2^31)
               (for a * b < 0, trunc(v / 2^31) = floor((v + 2^31 - 1) / 2^31)): a * b / 2^31 rounded to
               nearest, ties toward +infinity. a == b == INT32_MIN saturates to INT32_MAX. */
            static int32_t tml_srdhm(int32_t a, int32_t b)
            {
                int64_t ab;
                if (a == b && a == INT32_MIN) return INT32_MAX;
                ab = (int64_t)a * (int64_t)b + ((int64_t)1 << 30);
                return (int32_t)(ab >= 0 ? ab >> 31 : ~(~ab >> 31));
            }
            """
        case .roundingDivideByPOT:
            return """
            /* gemmlowp RoundingDivideByPOT: x / 2^e rounded to nearest, ties away from zero. The mask
               uses e & 31 like Swift's `&<<`. */
            static int32_t tml_rounding_divide(int32_t x, int32_t e)
            {
                const uint32_t mask = ((uint32_t)1 << (e & 31)) - 1u;
                const int32_t remainder = (int32_t)((uint32_t)x & mask);
                const int32_t threshold = (int32_t)(mask >> 1) + (x < 0 ? 1 : 0);
                return tml_shift_right(x, e) + (remainder > threshold ? 1 : 0);
            }
            """
        case .multiplyByQuantizedMultiplier:
            return """
            /* TFLite reference MultiplyByQuantizedMultiplier (double rounding). The left shift wraps. */
            static int32_t tml_mbqm(int32_t x, int32_t multiplier, int32_t shift)
            {
                const int32_t left = shift > 0 ? shift : 0;
                const int32_t right = shift > 0 ? 0 : -shift;
                const int32_t shifted = (int32_t)((uint32_t)x * ((uint32_t)1 << (left & 31)));
                return tml_rounding_divide(tml_srdhm(shifted, multiplier), right);
            }
            """
        case .multiplyByQuantizedMultiplierSingleRounding:
            return """
            /* Single-rounding requantization (LiteRT FULLY_CONNECTED):
               (x * multiplier + 2^(30 - shift)) >> (31 - shift), truncated to 32 bits. */
            static int32_t tml_mbqm_single(int32_t x, int32_t multiplier, int32_t shift)
            {
                const int32_t total = 31 - shift;
                const int64_t product = (int64_t)x * (int64_t)multiplier + ((int64_t)1 << (total - 1));
                return (int32_t)tml_shift_right64(product, total);
            }
            """
        case .roundAwayFromZero:
            return """
            /* Swift `Int32(max(-1000, min(1000, v)).rounded(.toNearestOrAwayFromZero))` without libm.
               NaN and values above 1000 give 1000, below -1000 give -1000 (Swift's min/max order). */
            static int32_t tml_round_clamped(float v)
            {
                const float m = v < 1000.0f ? v : 1000.0f;
                const float c = m >= -1000.0f ? m : -1000.0f;
                int32_t i = (int32_t)c;
                const float fraction = c - (float)i;
                if (fraction >= 0.5f) i += 1;
                else if (fraction <= -0.5f) i -= 1;
                return i;
            }
            """
        case .dotProduct4x1: return Self.dotProduct4x1Source
        case .dotProduct: return Self.dotProductSource
        }
    }
}
