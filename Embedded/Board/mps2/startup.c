// Cortex-M startup for QEMU's mps2 boards (-M mps2-an500: Cortex-M7, -M mps2-an386: Cortex-M4):
// vector table, reset handler (FPU on, .data copy, .bss clear, stack paint, timer start), ARM
// semihosting console and exit, and the CMSDK TIMER0 instruction counter.
#include <stdint.h>
#include "board.h"

extern uint32_t _stack_top[];
extern uint32_t _data_load[], _data_start[], _data_end[], _bss_start[], _bss_end[];
extern int main(int argc, char **argv);
void board_paint_stack(void);

// ---- Semihosting (bkpt 0xAB; r0 = operation, r1 = argument) --------------------------------
enum { SYS_WRITE0 = 0x04, SYS_EXIT_EXTENDED = 0x20, ADP_STOPPED_APPLICATION_EXIT = 0x20026 };

static int semihost(int operation, const void *argument) {
    register int r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void board_write(const char *text, unsigned long length) {
    char chunk[129];
    while (length > 0) {
        unsigned long n = length < 128 ? length : 128;
        for (unsigned long i = 0; i < n; i++) chunk[i] = text[i];
        chunk[n] = 0;
        semihost(SYS_WRITE0, chunk);
        text += n;
        length -= n;
    }
}

void board_exit(int status) {
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    semihost(SYS_EXIT_EXTENDED, block);
    for (;;) {}
}

// ---- CMSDK APB TIMER0 at 0x40000000, 25 MHz: with -icount shift=0 one tick = 40 instructions --
typedef struct {
    volatile uint32_t control, value, reload, interrupt;
} CMSDKTimer;
#define TIMER0 ((CMSDKTimer *)0x40000000u)
enum { INSTRUCTIONS_PER_TICK = 40 };

uint64_t board_instructions(void) {
    return (uint64_t)(0xFFFFFFFFu - TIMER0->value) * INSTRUCTIONS_PER_TICK;
}

// ---- Reset and faults ------------------------------------------------------------------------
__attribute__((noreturn)) void Reset_Handler(void) {
    // FPU: full access to CP10 and CP11 (CPACR, 0xE000ED88).
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    for (uint32_t *s = _data_load, *d = _data_start; d < _data_end;) *d++ = *s++;
    for (uint32_t *d = _bss_start; d < _bss_end;) *d++ = 0;
    board_paint_stack();
    TIMER0->reload = 0xFFFFFFFFu;
    TIMER0->value = 0xFFFFFFFFu;
    TIMER0->control = 1;
    board_exit(main(0, 0));
}

/// Prints the message and the faulting PC (from the exception frame), then exits with status 3.
void board_fault(const char *message, const uint32_t *frame) {
    board_write(message, __builtin_strlen(message));
    char text[] = " at pc 0x00000000\n";
    uint32_t pc = frame[6];
    for (int i = 0; i < 8; i++) text[9 + i] = "0123456789abcdef"[(pc >> (28 - 4 * i)) & 15];
    board_write(text, sizeof text - 1);
    board_exit(3);
}

__attribute__((naked)) void HardFault_Handler(void) {
    __asm__ volatile("ldr r0, =hard_fault_message\n\tmov r1, sp\n\tb board_fault");
}
__attribute__((naked)) void Default_Handler(void) {
    __asm__ volatile("ldr r0, =unexpected_exception_message\n\tmov r1, sp\n\tb board_fault");
}
const char hard_fault_message[] = "firmware: error: hard fault";
const char unexpected_exception_message[] = "firmware: error: unexpected exception";

__attribute__((section(".vectors"), used)) const void *const vector_table[16] = {
    _stack_top,        (void *)Reset_Handler,    (void *)Default_Handler, (void *)HardFault_Handler,
    (void *)HardFault_Handler, (void *)HardFault_Handler, (void *)HardFault_Handler, 0,
    0, 0, 0, (void *)Default_Handler,
    (void *)Default_Handler, 0, (void *)Default_Handler, (void *)Default_Handler,
};
