// The helper profile of a measuring build (-DHELPER_PROFILE, linked with helper_profile.c and
// -Wl,--wrap for each helper): how many calls the code made to the run-time helpers, and the
// instructions spent inside them, per kind: single-precision float (LX106 has no FPU; the
// ESP32-S3's LX7 has a single-precision one), integer (LX106 has no divider and no 32x32->64
// multiply; the LX7 has both) and double precision (software on both cores). The first two are
// the instructions a count on the LX106 overstates for the S3.
#ifndef HELPER_PROFILE_H
#define HELPER_PROFILE_H
#include <stdint.h>

/// CCOUNT ticks at QEMU's 40 MHz lx106 clock; -icount shift=0 runs one instruction per ns.
enum { INSTRUCTIONS_PER_TICK = 25 };
enum { HELPER_FLOAT = 0, HELPER_INTEGER = 1, HELPER_DOUBLE = 2, HELPER_KINDS = 3 };

/// Calls and instructions (CCOUNT deltas around each call, x 25) since reset, per kind.
typedef struct {
    uint64_t calls[HELPER_KINDS];
    uint64_t instructions[HELPER_KINDS];
} HelperProfile;

HelperProfile helper_profile(void);

#endif
