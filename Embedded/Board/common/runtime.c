// The C runtime an Embedded Swift program needs, for every board: memory primitives, a heap
// (first-fit free list with coalescing, 16-byte aligned; exhaustion ends the program with status 4)
// with a high-water mark, `putchar`
// (line-buffered into board_write), stack painting, and the model/input accessors.
// Compiled with -ffreestanding -fno-builtin so the memory loops stay loops.
#include <stddef.h>
#include <stdint.h>
#include "board.h"

// ---- Memory primitives -------------------------------------------------------------------
void *memcpy(void *dest, const void *src, size_t n) {
    unsigned char *d = dest;
    const unsigned char *s = src;
    if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
        for (; n >= 4; n -= 4, d += 4, s += 4) *(uint32_t *)d = *(const uint32_t *)s;
    }
    while (n--) *d++ = *s++;
    return dest;
}

void *memmove(void *dest, const void *src, size_t n) {
    unsigned char *d = dest;
    const unsigned char *s = src;
    if (d == s || n == 0) return dest;
    if (d < s || d >= s + n) return memcpy(dest, src, n);
    while (n--) d[n] = s[n];
    return dest;
}

void *memset(void *dest, int c, size_t n) {
    unsigned char *d = dest;
    if (((uintptr_t)d & 3) == 0) {
        uint32_t v = (unsigned char)c * 0x01010101u;
        for (; n >= 4; n -= 4, d += 4) *(uint32_t *)d = v;
    }
    while (n--) *d++ = (unsigned char)c;
    return dest;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return 0;
}

size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

#if defined(__ARM_EABI__)
// ARM run-time ABI aliases (note the argument order of __aeabi_memset: dest, n, c).
void __aeabi_memcpy(void *d, const void *s, size_t n) { memcpy(d, s, n); }
void __aeabi_memcpy4(void *d, const void *s, size_t n) { memcpy(d, s, n); }
void __aeabi_memcpy8(void *d, const void *s, size_t n) { memcpy(d, s, n); }
void __aeabi_memmove(void *d, const void *s, size_t n) { memmove(d, s, n); }
void __aeabi_memmove4(void *d, const void *s, size_t n) { memmove(d, s, n); }
void __aeabi_memmove8(void *d, const void *s, size_t n) { memmove(d, s, n); }
void __aeabi_memset(void *d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memset4(void *d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memset8(void *d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memclr(void *d, size_t n) { memset(d, 0, n); }
void __aeabi_memclr4(void *d, size_t n) { memset(d, 0, n); }
void __aeabi_memclr8(void *d, size_t n) { memset(d, 0, n); }
#endif

// ---- Heap ----------------------------------------------------------------------------------
extern char _heap_start[], _heap_end[];

typedef struct FreeBlock {
    size_t size; // bytes including the 16-byte header
    struct FreeBlock *next;
} FreeBlock;

enum { HEADER = 16 };
static char *heap_top;           // first never-used byte
static FreeBlock *free_list;     // sorted by address
static size_t heap_in_use, heap_peak;
static unsigned long allocations;

void *malloc(size_t n) {
    if (!heap_top) heap_top = _heap_start;
    allocations++;
    size_t need = ((n + 15) & ~(size_t)15) + HEADER;
    FreeBlock **link = &free_list;
    FreeBlock *b;
    for (b = free_list; b; link = &b->next, b = b->next) {
        if (b->size < need) continue;
        if (b->size - need >= 2 * HEADER) {
            FreeBlock *rest = (FreeBlock *)((char *)b + need);
            rest->size = b->size - need;
            rest->next = b->next;
            *link = rest;
            b->size = need;
        } else {
            *link = b->next;
        }
        goto found;
    }
    if ((size_t)(_heap_end - heap_top) < need) {
        static const char message[] = "firmware: error: out of memory\n";
        board_write(message, sizeof message - 1);
        board_exit(4);
    }
    b = (FreeBlock *)heap_top;
    b->size = need;
    heap_top += need;
found:
    heap_in_use += b->size;
    if (heap_in_use > heap_peak) heap_peak = heap_in_use;
    return (char *)b + HEADER;
}

void free(void *p) {
    if (!p) return;
    FreeBlock *b = (FreeBlock *)((char *)p - HEADER);
    heap_in_use -= b->size;
    FreeBlock **link = &free_list;
    FreeBlock *prev = 0;
    while (*link && *link < b) { prev = *link; link = &(*link)->next; }
    b->next = *link;
    *link = b;
    if (b->next && (char *)b + b->size == (char *)b->next) { // merge with the next block
        b->size += b->next->size;
        b->next = b->next->next;
    }
    if (prev && (char *)prev + prev->size == (char *)b) { // merge into the previous block
        prev->size += b->size;
        prev->next = b->next;
        b = prev;
    }
    if ((char *)b + b->size == heap_top) { // give the top block back to fresh memory
        FreeBlock **l = &free_list;
        while (*l != b) l = &(*l)->next;
        *l = b->next;
        heap_top = (char *)b;
    }
}

/// Blocks are 16-byte aligned; a larger power-of-two alignment (TinyDSP's FFT buffers ask for 64)
/// over-allocates by `alignment`, then splits off the leading gap as a header-only block and frees it.
int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment == 0 || (alignment & (alignment - 1))) return 22; // EINVAL
    if (alignment <= 16) {
        *out = malloc(size);
        return 0;
    }
    char *p = malloc(size + alignment);
    uintptr_t aligned = ((uintptr_t)p + alignment - 1) & ~(uintptr_t)(alignment - 1);
    if (aligned != (uintptr_t)p) {
        FreeBlock *b = (FreeBlock *)(p - HEADER);
        size_t gap = aligned - (uintptr_t)p;              // a multiple of 16, at least 16
        FreeBlock *rest = (FreeBlock *)(aligned - HEADER);
        rest->size = b->size - gap;
        b->size = gap;
        free(p);
    }
    *out = (void *)aligned;
    return 0;
}

void *calloc(size_t count, size_t size) {
    void *p = malloc(count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

unsigned long board_heap_peak(void) { return heap_peak; }
unsigned long board_allocations(void) { return allocations; }

// ---- Stack painting ------------------------------------------------------------------------
extern uint32_t _stack_bottom[], _stack_top[];
#define STACK_PAINT 0xC0FFEE11u

/// Called once by the reset code, on the stack it paints (everything below the caller's frame).
void board_paint_stack(void) {
    uint32_t *limit = (uint32_t *)__builtin_frame_address(0) - 64;
    for (uint32_t *p = _stack_bottom; p < limit; p++) *p = STACK_PAINT;
}

unsigned long board_stack_peak(void) {
    uint32_t *p = _stack_bottom;
    while (p < _stack_top && *p == STACK_PAINT) p++;
    return (unsigned long)((char *)_stack_top - (char *)p);
}

// ---- Console -------------------------------------------------------------------------------
static char line[128];
static unsigned long line_length;

int putchar(int c) {
    line[line_length++] = (char)c;
    if (c == '\n' || line_length == sizeof line) {
        board_write(line, line_length);
        line_length = 0;
    }
    return c;
}

// ---- Linked-in model and test inputs -------------------------------------------------------
extern const uint8_t firmware_model_start[], firmware_model_end[];
extern const uint8_t firmware_input_start[], firmware_input_end[];
const uint8_t *firmware_model(void) { return firmware_model_start; }
unsigned long firmware_model_size(void) { return (unsigned long)(firmware_model_end - firmware_model_start); }
const uint8_t *firmware_input(void) { return firmware_input_start; }
unsigned long firmware_input_size(void) { return (unsigned long)(firmware_input_end - firmware_input_start); }
