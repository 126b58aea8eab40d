// Reset for QEMU's xtensa sim machine (-cpu lx106, call0 ABI). The core starts at its reset vector,
// 0x50000000 (sysrom0), not at the ELF entry: the vector jumps to _start at 0x60000000, the start
// of .text, which points the stack (a1) at the top of RAM, 0x61000000, and calls the C reset code
// (it does not return). Both addresses are built with movi/slli (l32r only reaches literals below
// the code); xtensa.ld asserts them.
    .section .reset_vector, "ax"
    .global reset_vector
reset_vector:
    movi a0, 0x60
    slli a0, a0, 24
    jx a0

    .section .text.start, "ax"
    .global _start
    .align 4
_start:
    movi a1, 0x61
    slli a1, a1, 24
    call0 board_reset
1:  j 1b
