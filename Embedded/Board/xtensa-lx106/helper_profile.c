// Counting wrappers around the run-time helpers (helper_profile.h). Linked with
// -Wl,--wrap=<helper> for every helper of HELPERS, a call to __addsf3 reaches __wrap___addsf3,
// which reads CCOUNT around __real___addsf3. A CCOUNT tick is 25 instructions, so one call's
// reading is rounded, but the sum over many calls is unbiased (each call starts at a random phase
// of the tick).
#include <stdint.h>
#include "board.h"
#include "helper_profile.h"

uint64_t board_ticks(void);
static uint64_t calls[HELPER_KINDS], ticks[HELPER_KINDS];

static inline uint32_t ccount(void) {
    uint32_t now;
    __asm__ volatile("rsr.ccount %0" : "=r"(now));
    return now;
}

#define WRAP(kind, type, name, params, args)                 \
    type __real_##name params;                               \
    type __wrap_##name params;                               \
    type __wrap_##name params {                              \
        uint32_t start = ccount();                           \
        type result = __real_##name args;                    \
        ticks[kind] += (uint32_t)(ccount() - start);         \
        calls[kind]++;                                       \
        return result;                                       \
    }

#define FLOAT2(name, type) WRAP(HELPER_FLOAT, type, name, (float a, float b), (a, b))
FLOAT2(__addsf3, float)
FLOAT2(__subsf3, float)
FLOAT2(__mulsf3, float)
FLOAT2(__divsf3, float)
FLOAT2(__eqsf2, int)
FLOAT2(__nesf2, int)
FLOAT2(__ltsf2, int)
FLOAT2(__lesf2, int)
FLOAT2(__gtsf2, int)
FLOAT2(__gesf2, int)
WRAP(HELPER_FLOAT, float, __floatsisf, (int32_t a), (a))
WRAP(HELPER_FLOAT, int32_t, __fixsfsi, (float a), (a))
#define DOUBLE2(name, type) WRAP(HELPER_DOUBLE, type, name, (double a, double b), (a, b))
DOUBLE2(__adddf3, double)
DOUBLE2(__subdf3, double)
DOUBLE2(__muldf3, double)
DOUBLE2(__divdf3, double)
DOUBLE2(__eqdf2, int)
DOUBLE2(__nedf2, int)
DOUBLE2(__ltdf2, int)
DOUBLE2(__ledf2, int)
DOUBLE2(__gtdf2, int)
DOUBLE2(__gedf2, int)
WRAP(HELPER_DOUBLE, double, __extendsfdf2, (float a), (a))
WRAP(HELPER_DOUBLE, float, __truncdfsf2, (double a), (a))
WRAP(HELPER_DOUBLE, double, __floatsidf, (int32_t a), (a))
WRAP(HELPER_INTEGER, uint32_t, __udivsi3, (uint32_t a, uint32_t b), (a, b))
WRAP(HELPER_INTEGER, uint32_t, __umodsi3, (uint32_t a, uint32_t b), (a, b))
WRAP(HELPER_INTEGER, int32_t, __divsi3, (int32_t a, int32_t b), (a, b))
WRAP(HELPER_INTEGER, int32_t, __modsi3, (int32_t a, int32_t b), (a, b))
WRAP(HELPER_INTEGER, int64_t, __muldi3, (int64_t a, int64_t b), (a, b))
WRAP(HELPER_INTEGER, int64_t, __divdi3, (int64_t a, int64_t b), (a, b))
WRAP(HELPER_INTEGER, int64_t, __moddi3, (int64_t a, int64_t b), (a, b))

HelperProfile helper_profile(void) {
    HelperProfile p;
    for (int k = 0; k < HELPER_KINDS; k++) {
        p.calls[k] = calls[k];
        p.instructions[k] = ticks[k] * INSTRUCTIONS_PER_TICK;
    }
    return p;
}
