/* The measuring program of Tools/measure/c_export.py: one inference of an exported C library
   (symbol prefix `model`, one int8 input, one int8 output) on QEMU mps2 (Cortex-M4) or the xtensa
   sim machine (LX106) with the start-up, linker script and runtime of Embedded/Board. The input is
   the blob linked in as the firmware's test input; the count is board_instructions() around
   model_invoke (under -icount shift=0: CMSDK TIMER0, a multiple of 40 instructions, or CCOUNT, a
   multiple of 25); the stack is the painted stack's deepest use below the caller of model_invoke.
   Prints `instructions=N stack=M output=<hex bytes>` (built with -DHELPER_PROFILE, also the
   inference's run-time helper calls: ` float_calls=N float_instructions=N integer_calls=N
   integer_instructions=N double_calls=N double_instructions=N`); exits non-zero on failure. */
#include <stdint.h>
#include "board.h"
#include "model.h"
#ifdef HELPER_PROFILE
#include "helper_profile.h"
static HelperProfile helpers;
#endif

extern uint32_t _stack_top[];

static int8_t output[MODEL_OUTPUT0_BYTES];

static void print(const char *text)
{
    unsigned long n = 0;
    while (text[n]) n++;
    board_write(text, n);
}

static void print_field(const char *name, unsigned long value)
{
    char digits[24];
    int n = (int)sizeof digits - 1;
    digits[n] = 0;
    do { digits[--n] = (char)('0' + value % 10); value /= 10; } while (value);
    print(name);
    print(digits + n);
}

/* Runs one inference; returns its status, with its instructions and stack bytes. Called with
   `margin` on the stack: the reset code leaves the top 256 bytes of the stack unpainted (the
   frames above main), so the inference must run below them for its use to be seen in full. */
static int measure(uint64_t *instructions, unsigned long *stack)
{
    volatile uint8_t margin[256];
    uint32_t sp;
    uint64_t start;
    int status;
#ifdef HELPER_PROFILE
    HelperProfile before;
    int k;
#endif
    margin[0] = 0;
#if defined(__XTENSA__)
    __asm__ volatile("mov %0, a1" : "=r"(sp));
#else
    __asm__ volatile("mov %0, sp" : "=r"(sp));
#endif
#ifdef HELPER_PROFILE
    before = helper_profile();
#endif
    start = board_instructions();
    status = model_invoke((const int8_t *)firmware_input(), output);
    *instructions = board_instructions() - start;
#ifdef HELPER_PROFILE
    helpers = helper_profile();
    for (k = 0; k < HELPER_KINDS; k++) {
        helpers.calls[k] -= before.calls[k];
        helpers.instructions[k] -= before.instructions[k];
    }
#endif
    *stack = board_stack_peak() - ((uint32_t)(uintptr_t)_stack_top - sp);
    return status + margin[0];
}

int main(int argc, char **argv)
{
    uint64_t instructions;
    unsigned long stack;
    (void)argc;
    (void)argv;
    if (firmware_input_size() != MODEL_INPUT0_BYTES) {
        print("c_export_main: the linked input is not MODEL_INPUT0_BYTES long\n");
        return 2;
    }
    if (measure(&instructions, &stack) != 0) {
        print("c_export_main: model_invoke failed\n");
        return 3;
    }
    print_field("instructions=", (unsigned long)instructions);
    print_field(" stack=", stack);
    print(" output=");
    for (unsigned long i = 0; i < sizeof output; i++) {
        char hex[3] = {"0123456789abcdef"[(uint8_t)output[i] >> 4], "0123456789abcdef"[output[i] & 15], 0};
        print(hex);
    }
#ifdef HELPER_PROFILE
    print_field(" float_calls=", (unsigned long)helpers.calls[HELPER_FLOAT]);
    print_field(" float_instructions=", (unsigned long)helpers.instructions[HELPER_FLOAT]);
    print_field(" integer_calls=", (unsigned long)helpers.calls[HELPER_INTEGER]);
    print_field(" integer_instructions=", (unsigned long)helpers.instructions[HELPER_INTEGER]);
    print_field(" double_calls=", (unsigned long)helpers.calls[HELPER_DOUBLE]);
    print_field(" double_instructions=", (unsigned long)helpers.instructions[HELPER_DOUBLE]);
#endif
    print("\n");
    return 0;
}
