extension CKernel {
    /// RESHAPE / SQUEEZE / EXPAND_DIMS of a run-time tensor (`ReshapeCopy`): a byte copy (the
    /// planner never overlaps the two buffers; the exporter skips the call when they coincide).
    static let copySource = """
    static void tml_copy(const void *source, void *destination, int32_t bytes)
    {
        const unsigned char *s = (const unsigned char *)source;
        unsigned char *d = (unsigned char *)destination;
        int32_t i;
        for (i = 0; i < bytes; ++i) d[i] = s[i];
    }
    """
}
