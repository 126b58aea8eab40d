// Compares Embedded/Board/common/libm.c (compiled for the host, software paths) with the host C
// library: sqrt (correctly rounded), rint, rintf, floorf, fmod, trunc, round, roundf (exact) on
// specials, squares and their neighbours, and tens of millions of random bit patterns and
// magnitudes. Run by Tools/golden/check_board_libm.sh.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

double board_sqrt(double), board_rint(double), board_fmod(double, double), board_trunc(double), board_round(double);
float board_rintf(float), board_floorf(float), board_roundf(float);

static uint64_t state = 88172645463325252ull;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static int same(double a, double b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, 8) == 0; }
static int samef(float a, float b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, 4) == 0; }
static long bad, checked;

static void check(double x, double y, float f) {
    checked++;
    int ok = same(board_sqrt(x), sqrt(x)) && same(board_rint(x), rint(x)) && same(board_trunc(x), trunc(x))
        && same(board_round(x), round(x)) && same(board_fmod(x, y), fmod(x, y)) && samef(board_rintf(f), rintf(f))
        && samef(board_floorf(f), floorf(f)) && samef(board_roundf(f), roundf(f));
    if (!ok && bad++ < 10) printf("mismatch at x=%a y=%a f=%a\n", x, y, (double)f);
}

int main(void) {
    const double specials[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 4.9e-324, -4.9e-324, 1e-310,
                               2.2250738585072014e-308, 1.7976931348623157e308, INFINITY, -INFINITY, NAN, 6.283185307179586};
    const int n = sizeof specials / sizeof specials[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) check(specials[i], specials[j], (float)specials[i]);
    for (long i = 1; i < 2000000; i++) {
        double s = (double)i * (double)i;
        check(s, (double)i, (float)i);
        check(nextafter(s, 0), (double)i + 0.5, (float)i + 0.5f);
        check(nextafter(s, INFINITY), -(double)i, -(float)i - 0.5f);
    }
    for (long i = 0; i < 20000000; i++) {
        uint64_t u = next(), v = next();
        uint32_t w = (uint32_t)next();
        double x, y;
        float f;
        memcpy(&x, &u, 8);
        memcpy(&y, &v, 8);
        memcpy(&f, &w, 4);
        if (i & 1) {
            x = ldexp((double)(int64_t)next() / 9.2e18, (int)(next() % 140) - 70);
            y = ldexp((double)(int64_t)next() / 9.2e18, (int)(next() % 140) - 70);
            f = ldexpf((float)(int32_t)next() / 2.1e9f, (int)(next() % 60) - 30);
        }
        check(x, y, f);
    }
    printf("%ld cases, %ld mismatches\n", checked, bad);
    return bad != 0;
}
