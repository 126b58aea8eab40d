// The live-stream framing both QEMU UART sample sources read (Embedded/README.md): the host sends
// blocks of `u16 little-endian length` + that many sample bytes; a length of 0 ends the stream.
#ifndef FIRMWARE_FRAMING_H
#define FIRMWARE_FRAMING_H
#include <stdint.h>

/// Reads framed bytes with `read_byte` (blocking) into `buffer`: what is left of the current
/// block, at most `capacity`; 0 once the end block has arrived.
static inline unsigned long framed_read(uint8_t (*read_byte)(void), uint8_t *buffer, unsigned long capacity) {
    static unsigned long left;
    static int ended;
    if (ended) return 0;
    if (left == 0) {
        left = read_byte();
        left |= (unsigned long)read_byte() << 8;
        if (left == 0) { ended = 1; return 0; }
    }
    unsigned long n = left < capacity ? left : capacity;
    for (unsigned long i = 0; i < n; i++) buffer[i] = read_byte();
    left -= n;
    return n;
}
#endif
