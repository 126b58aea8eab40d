// The run-time helpers that Debian's gcc-xtensa-lx106 libgcc lacks (it has __divsf3, the float
// comparisons, __fixsfsi, __modsi3, __moddi3, __divmoddi4 and __udivmoddi4, but not these):
// IEEE-754 single-precision add, subtract and multiply, double-precision add, subtract, multiply and
// divide, float <-> double, int32 -> double (round to nearest even, subnormals, infinities; a NaN operand gives that
// NaN quieted, an invalid operation the default NaN), int32 -> float, unsigned and signed 32-bit
// division, 32x32->64 and 64-bit multiply, 64-bit division.
// The LX106 has no FPU, no divider and no MUL32_HIGH, so GCC calls these; each is written with
// 32-bit integer operations only (never calling itself or another missing helper). Bit-exactness
// with hardware IEEE arithmetic is checked on the host by Embedded/Board/xtensa-lx106/helpers_test.c.
#include <stdint.h>

typedef union { float f; uint32_t u; } Bits;
static uint32_t bits_of(float f) { Bits b; b.f = f; return b.u; }
static float float_of(uint32_t u) { Bits b; b.u = u; return b.f; }

enum { SIGN = 0x80000000u, QUIET = 0x00400000u, INFINITY_BITS = 0x7f800000u, DEFAULT_NAN = 0x7fc00000u };

static int is_nan(uint32_t u) { return (u & 0x7fffffffu) > INFINITY_BITS; }

/// Rounds m (the significand with 3 guard/round/sticky bits below it; the implicit bit at 26 for a
/// normal number) to nearest even and packs it with biased exponent e >= 1 (e = 1 and no bit 26:
/// subnormal) and sign. Overflow gives infinity.
static uint32_t round_pack(uint32_t sign, int32_t e, uint32_t m) {
    uint32_t low = m & 7;
    m >>= 3;
    if (low > 4 || (low == 4 && (m & 1))) m++;
    if (e >= 255) return sign | INFINITY_BITS;
    // (e - 1) << 23 plus the significand with its implicit bit adds e to the exponent field; a
    // rounding carry moves to the next binade (or to infinity) by itself.
    uint32_t packed = ((uint32_t)(e - 1) << 23) + m;
    return sign | (packed >= INFINITY_BITS ? INFINITY_BITS : packed);
}

/// m >> shift, with every bit shifted out ORed into bit 0 (sticky).
static uint32_t shift_sticky(uint32_t m, uint32_t shift) {
    if (shift == 0) return m;
    if (shift >= 32) return m != 0;
    return (m >> shift) | ((m << (32 - shift)) != 0);
}

static uint32_t add_bits(uint32_t a, uint32_t b) {
    if (is_nan(a)) return a | QUIET;
    if (is_nan(b)) return b | QUIET;
    if ((a & 0x7fffffffu) < (b & 0x7fffffffu)) { uint32_t t = a; a = b; b = t; }   // |a| >= |b|
    int32_t ea = (int32_t)(a >> 23 & 0xff), eb = (int32_t)(b >> 23 & 0xff);
    if (ea == 255) return (eb == 255 && ((a ^ b) & SIGN)) ? DEFAULT_NAN : a;     // inf - inf, or inf
    uint32_t ma = a & 0x7fffffu, mb = b & 0x7fffffu;
    if (ea) ma |= 0x800000u; else ea = 1;
    if (eb) mb |= 0x800000u; else eb = 1;
    ma <<= 3;
    mb = shift_sticky(mb << 3, (uint32_t)(ea - eb));
    if ((a ^ b) & SIGN) {
        ma -= mb;
        if (ma == 0) return 0;                     // x - x = +0 when rounding to nearest
        while (!(ma & (1u << 26)) && ea > 1) { ma <<= 1; ea--; }
    } else {
        ma += mb;
        if (ma & (1u << 27)) { ma = (ma >> 1) | (ma & 1); ea++; }
    }
    return round_pack(a & SIGN, ea, ma);
}

float __addsf3(float a, float b) { return float_of(add_bits(bits_of(a), bits_of(b))); }
float __subsf3(float a, float b) { return float_of(add_bits(bits_of(a), bits_of(b) ^ SIGN)); }

/// The 64-bit product of two 32-bit values, from 16-bit halves (the LX106 multiplies 32 x 32 -> 32).
static void multiply_wide(uint32_t a, uint32_t b, uint32_t *high, uint32_t *low) {
    uint32_t al = a & 0xffffu, ah = a >> 16, bl = b & 0xffffu, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = lh + hl;
    uint32_t mid_carry = mid < lh;                 // the carry of mid is worth 2^48
    uint32_t lo = ll + (mid << 16);
    *high = hh + (mid >> 16) + (mid_carry << 16) + (lo < ll);
    *low = lo;
}

float __mulsf3(float fa, float fb) {
    uint32_t a = bits_of(fa), b = bits_of(fb), sign = (a ^ b) & SIGN;
    if (is_nan(a)) return float_of(a | QUIET);
    if (is_nan(b)) return float_of(b | QUIET);
    uint32_t abs_a = a & 0x7fffffffu, abs_b = b & 0x7fffffffu;
    if (abs_a == INFINITY_BITS || abs_b == INFINITY_BITS)
        return float_of((abs_a == 0 || abs_b == 0) ? DEFAULT_NAN : sign | INFINITY_BITS);
    if (abs_a == 0 || abs_b == 0) return float_of(sign);
    int32_t ea = (int32_t)(abs_a >> 23), eb = (int32_t)(abs_b >> 23);
    uint32_t ma = abs_a & 0x7fffffu, mb = abs_b & 0x7fffffu;
    if (ea) ma |= 0x800000u; else { ea = 1; while (!(ma & 0x800000u)) { ma <<= 1; ea--; } }
    if (eb) mb |= 0x800000u; else { eb = 1; while (!(mb & 0x800000u)) { mb <<= 1; eb--; } }
    uint32_t high, low;
    multiply_wide(ma, mb, &high, &low);            // product in [2^46, 2^48)
    int32_t e = ea + eb - 127;
    uint32_t shift = 20;                           // leading bit 46 -> 26
    if (high & (1u << 15)) { shift = 21; e++; }    // leading bit 47
    uint32_t m = (high << (32 - shift)) | (low >> shift) | ((low << (32 - shift)) != 0);
    if (e <= 0) { m = shift_sticky(m, (uint32_t)(1 - e)); e = 1; }
    return float_of(round_pack(sign, e, m));
}

float __floatsisf(int32_t i) {
    if (i == 0) return 0.0f;
    uint32_t sign = i < 0 ? SIGN : 0, a = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
    int32_t top = 31;
    while (!(a >> top)) top--;
    uint32_t m = top <= 26 ? a << (26 - top) : shift_sticky(a, (uint32_t)(top - 26));
    return float_of(round_pack(sign, 127 + top, m));
}

// ---- Double precision (the same algorithms on 64-bit words) ------------------------------------
typedef union { double d; uint64_t u; } Bits64;
static uint64_t bits64_of(double d) { Bits64 b; b.d = d; return b.u; }
static double double_of(uint64_t u) { Bits64 b; b.u = u; return b.d; }

#define SIGN64 0x8000000000000000ull
#define QUIET64 0x0008000000000000ull
#define INFINITY64 0x7ff0000000000000ull
#define DEFAULT_NAN64 0x7ff8000000000000ull
#define IMPLICIT64 0x0010000000000000ull
#define FRACTION64 0x000fffffffffffffull

static int is_nan64(uint64_t u) { return (u & ~SIGN64) > INFINITY64; }

/// round_pack for doubles: m has its implicit bit at 55 (3 guard bits), e >= 1.
static uint64_t round_pack64(uint64_t sign, int32_t e, uint64_t m) {
    uint32_t low = (uint32_t)m & 7;
    m >>= 3;
    if (low > 4 || (low == 4 && (m & 1))) m++;
    if (e >= 2047) return sign | INFINITY64;
    uint64_t packed = ((uint64_t)(e - 1) << 52) + m;
    return sign | (packed >= INFINITY64 ? INFINITY64 : packed);
}

static uint64_t shift_sticky64(uint64_t m, uint32_t shift) {
    if (shift == 0) return m;
    if (shift >= 64) return m != 0;
    return (m >> shift) | ((m << (64 - shift)) != 0);
}

static uint64_t add_bits64(uint64_t a, uint64_t b) {
    if (is_nan64(a)) return a | QUIET64;
    if (is_nan64(b)) return b | QUIET64;
    if ((a & ~SIGN64) < (b & ~SIGN64)) { uint64_t t = a; a = b; b = t; }
    int32_t ea = (int32_t)(a >> 52 & 0x7ff), eb = (int32_t)(b >> 52 & 0x7ff);
    if (ea == 2047) return (eb == 2047 && ((a ^ b) & SIGN64)) ? DEFAULT_NAN64 : a;
    uint64_t ma = a & FRACTION64, mb = b & FRACTION64;
    if (ea) ma |= IMPLICIT64; else ea = 1;
    if (eb) mb |= IMPLICIT64; else eb = 1;
    ma <<= 3;
    mb = shift_sticky64(mb << 3, (uint32_t)(ea - eb));
    if ((a ^ b) & SIGN64) {
        ma -= mb;
        if (ma == 0) return 0;
        while (!(ma & (1ull << 55)) && ea > 1) { ma <<= 1; ea--; }
    } else {
        ma += mb;
        if (ma & (1ull << 56)) { ma = (ma >> 1) | (ma & 1); ea++; }
    }
    return round_pack64(a & SIGN64, ea, ma);
}

double __adddf3(double a, double b) { return double_of(add_bits64(bits64_of(a), bits64_of(b))); }
double __subdf3(double a, double b) { return double_of(add_bits64(bits64_of(a), bits64_of(b) ^ SIGN64)); }

/// Splits a finite non-zero double into its significand (implicit bit at 52, normalised) and biased exponent.
static uint64_t unpack64(uint64_t abs, int32_t *e) {
    uint64_t m = abs & FRACTION64;
    *e = (int32_t)(abs >> 52);
    if (*e) return m | IMPLICIT64;
    *e = 1;
    while (!(m & IMPLICIT64)) { m <<= 1; (*e)--; }
    return m;
}

/// Special cases of multiply and divide: NaN, infinity and zero operands; 1 when `result` is set.
static int special64(uint64_t a, uint64_t b, int divide, uint64_t *result) {
    uint64_t sign = (a ^ b) & SIGN64, abs_a = a & ~SIGN64, abs_b = b & ~SIGN64;
    if (is_nan64(a)) { *result = a | QUIET64; return 1; }
    if (is_nan64(b)) { *result = b | QUIET64; return 1; }
    if (!divide) {
        if (abs_a == INFINITY64 || abs_b == INFINITY64) { *result = (abs_a == 0 || abs_b == 0) ? DEFAULT_NAN64 : sign | INFINITY64; return 1; }
        if (abs_a == 0 || abs_b == 0) { *result = sign; return 1; }
        return 0;
    }
    if (abs_a == INFINITY64) { *result = abs_b == INFINITY64 ? DEFAULT_NAN64 : sign | INFINITY64; return 1; }
    if (abs_b == INFINITY64) { *result = sign; return 1; }
    if (abs_b == 0) { *result = abs_a == 0 ? DEFAULT_NAN64 : sign | INFINITY64; return 1; }
    if (abs_a == 0) { *result = sign; return 1; }
    return 0;
}

double __muldf3(double fa, double fb) {
    uint64_t a = bits64_of(fa), b = bits64_of(fb), sign = (a ^ b) & SIGN64, result;
    if (special64(a, b, 0, &result)) return double_of(result);
    int32_t ea, eb;
    uint64_t ma = unpack64(a & ~SIGN64, &ea), mb = unpack64(b & ~SIGN64, &eb);
    // 106-bit product of the two 53-bit significands, as four 32-bit words (w3 highest).
    uint32_t a0 = (uint32_t)ma, a1 = (uint32_t)(ma >> 32), b0 = (uint32_t)mb, b1 = (uint32_t)(mb >> 32);
    uint32_t h00, l00, h01, l01, h10, l10, h11, l11;
    multiply_wide(a0, b0, &h00, &l00);
    multiply_wide(a0, b1, &h01, &l01);
    multiply_wide(a1, b0, &h10, &l10);
    multiply_wide(a1, b1, &h11, &l11);
    uint64_t mid = (uint64_t)h00 + l01 + l10;       // word 1, carries above
    uint64_t top = (uint64_t)h01 + h10 + l11 + (uint32_t)(mid >> 32) + ((uint64_t)h11 << 32);
    uint32_t w0 = l00, w1 = (uint32_t)mid;
    // product in [2^104, 2^106): top holds bits 64.., w1 bits 32..63, w0 bits 0..31.
    int32_t e = ea + eb - 1023;
    uint32_t shift = 49;                            // leading bit 104 -> 55
    if (top & (1ull << 41)) { shift = 50; e++; }    // leading bit 105
    uint64_t low = (uint64_t)w1 << 32 | w0;
    uint64_t m = (top << (64 - shift)) | (low >> shift) | ((low << (64 - shift)) != 0);
    if (e <= 0) { m = shift_sticky64(m, (uint32_t)(1 - e)); e = 1; }
    return double_of(round_pack64(sign, e, m));
}

double __divdf3(double fa, double fb) {
    uint64_t a = bits64_of(fa), b = bits64_of(fb), sign = (a ^ b) & SIGN64, result;
    if (special64(a, b, 1, &result)) return double_of(result);
    int32_t ea, eb;
    uint64_t ma = unpack64(a & ~SIGN64, &ea), mb = unpack64(b & ~SIGN64, &eb);
    int32_t e = ea - eb + 1023;
    if (ma < mb) { ma <<= 1; e--; }                 // quotient in [1, 2)
    // 56 quotient bits (implicit bit at 55, 2 guard bits, then the remainder as sticky).
    uint64_t q = 0, r = ma;
    for (int32_t i = 0; i < 56; i++) {
        q <<= 1;
        if (r >= mb) { r -= mb; q |= 1; }
        r <<= 1;
    }
    q |= r != 0;
    if (e <= 0) { q = shift_sticky64(q, (uint32_t)(1 - e)); e = 1; }
    return double_of(round_pack64(sign, e, q));
}

double __extendsfdf2(float f) {
    uint32_t a = bits_of(f);
    uint64_t sign = (uint64_t)(a & SIGN) << 32;
    uint32_t abs = a & 0x7fffffffu;
    if (abs > INFINITY_BITS) return double_of(sign | INFINITY64 | QUIET64 | (uint64_t)(abs & 0x7fffffu) << 29);
    if (abs == INFINITY_BITS) return double_of(sign | INFINITY64);
    if (abs == 0) return double_of(sign);
    int32_t e = (int32_t)(abs >> 23);
    uint32_t m = abs & 0x7fffffu;
    if (!e) { e = 1; while (!(m & 0x800000u)) { m <<= 1; e--; } }
    return double_of(sign | (uint64_t)(e - 127 + 1023) << 52 | (uint64_t)(m & 0x7fffffu) << 29);
}

double __floatsidf(int32_t i) {                     // exact: 31 bits fit the 52-bit fraction
    if (i == 0) return 0.0;
    uint64_t sign = i < 0 ? SIGN64 : 0;
    uint32_t a = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
    int32_t top = 31;
    while (!(a >> top)) top--;
    return double_of(sign | (uint64_t)(1023 + top) << 52 | (((uint64_t)a << (52 - top)) & FRACTION64));
}

float __truncdfsf2(double d) {
    uint64_t a = bits64_of(d);
    uint32_t sign = (uint32_t)(a >> 32) & SIGN;
    uint64_t abs = a & ~SIGN64;
    if (abs > INFINITY64) return float_of(sign | INFINITY_BITS | QUIET | (uint32_t)((abs & FRACTION64) >> 29));
    if (abs == INFINITY64) return float_of(sign | INFINITY_BITS);
    if (abs == 0) return float_of(sign);
    int32_t ed;
    uint64_t m = unpack64(abs, &ed);                // implicit bit at 52
    int32_t e = ed - 1023 + 127;
    uint32_t m27 = (uint32_t)shift_sticky64(m, 26); // implicit bit at 26
    if (e <= 0) { m27 = shift_sticky(m27, (uint32_t)(1 - e) > 31 ? 32 : (uint32_t)(1 - e)); e = 1; }
    return float_of(round_pack(sign, e, m27));
}

// ---- Integers ----------------------------------------------------------------------------
/// n / d and n % d by shift and subtract (d != 0).
static uint32_t divide(uint32_t n, uint32_t d, uint32_t *remainder) {
    uint32_t q = 0, r = 0;
    for (int32_t i = 31; i >= 0; i--) {
        uint32_t top = r >> 31;
        r = (r << 1) | (n >> i & 1);
        if (top || r >= d) { r -= d; q |= 1u << i; }
    }
    *remainder = r;
    return q;
}

uint32_t __udivsi3(uint32_t n, uint32_t d) { uint32_t r; return divide(n, d, &r); }
uint32_t __umodsi3(uint32_t n, uint32_t d) { uint32_t r; divide(n, d, &r); return r; }
int32_t __divsi3(int32_t n, int32_t d) {
    uint32_t r, q = divide(n < 0 ? 0u - (uint32_t)n : (uint32_t)n, d < 0 ? 0u - (uint32_t)d : (uint32_t)d, &r);
    return (int32_t)((n < 0) != (d < 0) ? 0u - q : q);
}

uint64_t __umulsidi3(uint32_t a, uint32_t b) {
    uint32_t high, low;
    multiply_wide(a, b, &high, &low);
    return (uint64_t)high << 32 | low;
}

int64_t __muldi3(int64_t a, int64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)((uint64_t)a >> 32), bl = (uint32_t)b, bh = (uint32_t)((uint64_t)b >> 32);
    uint32_t high, low;
    multiply_wide(al, bl, &high, &low);
    high += al * bh + ah * bl;
    return (int64_t)((uint64_t)high << 32 | low);
}

int64_t __divmoddi4(int64_t n, int64_t d, int64_t *remainder);   // libgcc
int64_t __divdi3(int64_t n, int64_t d) { int64_t r; return __divmoddi4(n, d, &r); }
