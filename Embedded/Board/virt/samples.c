// The sample-source hook on QEMU virt (RV64): the ns16550 UART at 0x10000000 (also the console;
// QEMU's `-serial stdio`, so the host pipes the framed stream into QEMU's standard input), polled,
// with the framing of framing.h.
#include <stdint.h>
#include "board.h"
#include "framing.h"

#define UART ((volatile uint8_t *)0x10000000u)
enum { UART_RBR = 0, UART_LSR = 5, LSR_DATA_READY = 1 };

static uint8_t uart_read_byte(void) {
    while ((UART[UART_LSR] & LSR_DATA_READY) == 0) {}
    return UART[UART_RBR];
}

unsigned long board_read_samples(uint8_t *buffer, unsigned long capacity) {
    return framed_read(uart_read_byte, buffer, capacity);
}
