// Host check of libgcc_lx106.c (built with the host cc by Embedded/xtensa.sh): every helper must
// equal the host's hardware IEEE-754 single precision (round to nearest even, no flush to zero) and
// integer arithmetic bit for bit, on edge cases and on pseudo-random operands spread over every
// exponent (a NaN result must be a NaN, its payload aside). Prints a count; exits 1 on a mismatch.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define __addsf3 lx106_addsf3
#define __subsf3 lx106_subsf3
#define __mulsf3 lx106_mulsf3
#define __floatsisf lx106_floatsisf
#define __udivsi3 lx106_udivsi3
#define __umodsi3 lx106_umodsi3
#define __divsi3 lx106_divsi3
#define __umulsidi3 lx106_umulsidi3
#define __muldi3 lx106_muldi3
#define __divdi3 lx106_divdi3
#define __divmoddi4 host_divmoddi4
#define __adddf3 lx106_adddf3
#define __subdf3 lx106_subdf3
#define __muldf3 lx106_muldf3
#define __divdf3 lx106_divdf3
#define __extendsfdf2 lx106_extendsfdf2
#define __truncdfsf2 lx106_truncdfsf2
#define __floatsidf lx106_floatsidf
#include "libgcc_lx106.c"
int64_t host_divmoddi4(int64_t n, int64_t d, int64_t *r) { *r = n % d; return n / d; }

static uint64_t state = 88172645463325252u;
static uint32_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return (uint32_t)state; }
static uint32_t bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float flt(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static long failures, checks;

static void same(const char *what, uint32_t a, uint32_t b, uint32_t got, uint32_t want) {
    checks++;
    if (got == want || (is_nan(got) && is_nan(want))) return;
    if (failures++ < 10) printf("%s %08x %08x: %08x, hardware %08x\n", what, a, b, got, want);
}

static void check_floats(uint32_t a, uint32_t b) {
    volatile float x = flt(a), y = flt(b);
    same("add", a, b, bits(lx106_addsf3(x, y)), bits(x + y));
    same("sub", a, b, bits(lx106_subsf3(x, y)), bits(x - y));
    same("mul", a, b, bits(lx106_mulsf3(x, y)), bits(x * y));
    same("floatsisf", a, 0, bits(lx106_floatsisf((int32_t)a)), bits((float)(int32_t)a));
}

static uint64_t bits64(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static double dbl(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

static void same64(const char *what, uint64_t a, uint64_t b, uint64_t got, uint64_t want) {
    checks++;
    if (got == want || (is_nan64(got) && is_nan64(want))) return;
    if (failures++ < 10) printf("%s %016llx %016llx: %016llx, hardware %016llx\n", what, (unsigned long long)a,
                                (unsigned long long)b, (unsigned long long)got, (unsigned long long)want);
}

static void check_doubles(uint64_t a, uint64_t b) {
    volatile double x = dbl(a), y = dbl(b);
    same64("adddf3", a, b, bits64(lx106_adddf3(x, y)), bits64(x + y));
    same64("subdf3", a, b, bits64(lx106_subdf3(x, y)), bits64(x - y));
    same64("muldf3", a, b, bits64(lx106_muldf3(x, y)), bits64(x * y));
    same64("divdf3", a, b, bits64(lx106_divdf3(x, y)), bits64(x / y));
    volatile float f = flt((uint32_t)a);
    same64("extendsfdf2", a, 0, bits64(lx106_extendsfdf2(f)), bits64((double)f));
    same64("floatsidf", a, 0, bits64(lx106_floatsidf((int32_t)a)), bits64((double)(int32_t)a));
    same("truncdfsf2", (uint32_t)(a >> 32), (uint32_t)a, bits(lx106_truncdfsf2(x)), bits((float)x));
}

static void check_integers(uint32_t a, uint32_t b) {
    uint64_t wide = (uint64_t)a << 32 | b, other = (uint64_t)b * 2654435761u + a;
    if (b) {
        same("udivsi3", a, b, lx106_udivsi3(a, b), a / b);
        same("umodsi3", a, b, lx106_umodsi3(a, b), a % b);
        if (!(a == 0x80000000u && b == 0xffffffffu)) same("divsi3", a, b, (uint32_t)lx106_divsi3((int32_t)a, (int32_t)b), (uint32_t)((int32_t)a / (int32_t)b));
    }
    same("umulsidi3", a, b, (uint32_t)(lx106_umulsidi3(a, b) >> 32), (uint32_t)(((uint64_t)a * b) >> 32));
    same("umulsidi3", a, b, (uint32_t)lx106_umulsidi3(a, b), a * b);
    uint64_t product = (uint64_t)lx106_muldi3((int64_t)wide, (int64_t)other);
    same("muldi3", a, b, (uint32_t)(product >> 32), (uint32_t)((wide * other) >> 32));
    same("muldi3", a, b, (uint32_t)product, (uint32_t)(wide * other));
}

int main(void) {
    static const uint32_t edges[] = {0, 0x80000000u, 1, 0x80000001u, 0x007fffffu, 0x00800000u, 0x00800001u, 0x3f800000u,
        0xbf800000u, 0x3f800001u, 0x3fffffffu, 0x4b000000u, 0x4b7fffffu, 0x7f7fffffu, 0xff7fffffu, 0x7f800000u,
        0xff800000u, 0x7fc00000u, 0x7f800001u, 0x34000000u, 0x33800000u, 0x0ffffffeu, 0x7fffffffu, 0xffffffffu};
    enum { EDGES = sizeof edges / sizeof edges[0] };
    for (int i = 0; i < EDGES; i++)
        for (int j = 0; j < EDGES; j++) {
            check_floats(edges[i], edges[j]);
            check_integers(edges[i], edges[j]);
            check_doubles((uint64_t)edges[i] << 32 | edges[j], (uint64_t)edges[j] << 32 | edges[i]);
            check_doubles((uint64_t)edges[i] << 32, (uint64_t)edges[j] << 32);
        }
    for (long n = 0; n < 1000000; n++) {
        uint32_t a = next(), b = next();
        check_floats(a, b);
        // Near operands: cancellation and equal exponents.
        check_floats(a, (a ^ 0x80000000u) + (next() & 0xff) - 128);
        check_floats(a, (a & 0xff800000u) | (next() & 0x7fffffu));
        check_integers(a, b);
        check_integers(a, b >> (next() & 31));
        uint64_t c = (uint64_t)next() << 32 | next(), d = (uint64_t)next() << 32 | next();
        check_doubles(c, d);
        check_doubles(c, (c ^ SIGN64) + (next() & 0xffff) - 0x8000);
        check_doubles(c, (c & 0xfff0000000000000ull) | (d & FRACTION64));
        // doubles near float range (truncdfsf2 rounding and subnormals)
        check_doubles((c & 0x800fffffffffffffull) | (uint64_t)(0x300 + (next() % 0x200)) << 52, d);
    }
    printf("helpers_test: %ld checks, %ld mismatches\n", checks, failures);
    return failures != 0;
}
