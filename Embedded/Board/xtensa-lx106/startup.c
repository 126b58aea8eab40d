// Board support for QEMU's xtensa sim machine with -cpu lx106 (Embedded/Board/include/board.h):
// reset (.bss clear, stack paint), the console and exit through QEMU's xtensa semihosting
// (`simcall`, -semihosting), and the instruction counter: the CCOUNT special register. QEMU's lx106
// core clocks CCOUNT at 40 MHz of virtual time and -icount shift=0 runs one instruction per ns, so
// one CCOUNT tick is 25 instructions: counts are multiples of 25 (widened to 64 bits here).
#include <stdint.h>
#include "board.h"
#include "helper_profile.h"

extern uint32_t _bss_start[], _bss_end[];
extern int main(int argc, char **argv);
void board_paint_stack(void);

// ---- Semihosting (simcall: a2 = call, a3-a5 = arguments; a2 = result) ----------------------
enum { SYS_EXIT = 1, SYS_WRITE = 4 };

static int simcall(int call, int a, int b, int c) {
    register int a2 __asm__("a2") = call;
    register int a3 __asm__("a3") = a;
    register int a4 __asm__("a4") = b;
    register int a5 __asm__("a5") = c;
    __asm__ volatile("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
    return a2;
}

void board_write(const char *text, unsigned long length) {
    while (length > 0) {
        int n = simcall(SYS_WRITE, 1, (int)(uintptr_t)text, (int)length);
        if (n <= 0) return;
        text += n;
        length -= (unsigned long)n;
    }
}

void board_exit(int status) {
    simcall(SYS_EXIT, status, 0, 0);
    for (;;) {}
}

// ---- CCOUNT: one tick per 25 instructions under -icount shift=0 ----------------------------------
/// CCOUNT ticks since reset, widened to 64 bits (called at least once per 2^32 ticks).
uint64_t board_ticks(void) {
    static uint32_t last;
    static uint64_t wraps;
    uint32_t now;
    __asm__ volatile("rsr.ccount %0" : "=r"(now));
    if (now < last) wraps += 1ull << 32;
    last = now;
    return wraps | now;
}

uint64_t board_instructions(void) { return board_ticks() * INSTRUCTIONS_PER_TICK; }

// ---- Reset ---------------------------------------------------------------------------------
__attribute__((noreturn)) void board_reset(void) {
    for (uint32_t *d = _bss_start; d < _bss_end;) *d++ = 0;
    board_paint_stack();
    board_exit(main(0, 0));
}
