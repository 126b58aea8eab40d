/* Minimal Cortex-M4 start-up and measuring harness for QEMU mps2-an386 (used by
   Tools/measure/c_export.py): vector table, .data/.bss set-up, FPU enable, then `measure()`,
   which runs one inference between two reads of the CMSDK TIMER0 (25 MHz; with
   `-icount shift=0` one guest instruction is 1 ns, so one tick is 40 instructions), paints the
   stack to find its peak, prints the figures through semihosting and exits. */
#include <stdint.h>

extern uint32_t __data_start, __data_end, __data_load, __bss_start, __bss_end, __stack_top;
void reset_handler(void);
int measure_invoke(void);

__attribute__((section(".vectors"), used)) static const void *vectors[2] = {&__stack_top, (void *)reset_handler};

#define TIMER0_VALUE (*(volatile uint32_t *)0x40000004u)
#define TIMER0_RELOAD (*(volatile uint32_t *)0x40000008u)
#define TIMER0_CTRL (*(volatile uint32_t *)0x40000000u)
#define CPACR (*(volatile uint32_t *)0xE000ED88u)

static int semihost(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void *memcpy(void *d, const void *s, unsigned n) { unsigned char *a = d; const unsigned char *b = s; while (n--) *a++ = *b++; return d; }
void *memset(void *d, int c, unsigned n) { unsigned char *a = d; while (n--) *a++ = (unsigned char)c; return d; }

static void put_decimal(char *p, uint32_t v)
{
    char t[12];
    int n = 0;
    do { t[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) *p++ = t[--n];
    *p = 0;
}

static void print(const char *text) { semihost(0x04, text); }

static void print_field(const char *name, uint32_t value)
{
    char digits[12];
    put_decimal(digits, value);
    print(name);
    print(digits);
    print("\n");
}

#define PAINT_BYTES 16384u
#define PAINT 0xA5A5A5A5u

void reset_handler(void)
{
    uint32_t *p;
    uint32_t start, end, sp, deepest;
    volatile uint32_t *w;
    for (p = &__data_start; p < &__data_end; ++p) *p = (&__data_load)[p - &__data_start];
    for (p = &__bss_start; p < &__bss_end; ++p) *p = 0;
    CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n isb");
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (w = (volatile uint32_t *)(sp - PAINT_BYTES); w < (volatile uint32_t *)(sp - 64u); ++w) *w = PAINT;
    TIMER0_RELOAD = 0xFFFFFFFFu;
    TIMER0_VALUE = 0xFFFFFFFFu;
    TIMER0_CTRL = 1u;
    start = TIMER0_VALUE;
    if (measure_invoke() != 0) { print("invoke failed\n"); semihost(0x18, (void *)0x20024); }
    end = TIMER0_VALUE;
    deepest = sp - 64u; /* usage within the unpainted top 64 bytes reads as 64 (an upper bound) */
    for (w = (volatile uint32_t *)(sp - PAINT_BYTES); w < (volatile uint32_t *)(sp - 64u); ++w) {
        if (*w != PAINT) { deepest = (uint32_t)w; break; }
    }
    print_field("ticks=", start - end);
    print_field("stack=", sp - deepest);
    semihost(0x18, (void *)0x20026);
    for (;;) {}
}
