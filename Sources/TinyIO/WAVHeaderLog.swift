import CSndFile

/// What a WAV file's header says beyond `SF_INFO`, read back from libsndfile's log of the header
/// (`SFC_GET_LOG_INFO`): the fmt chunk's bits per sample and the data chunk's declared size.
///
/// libsndfile reads a WAV whose data chunk runs past the end of the file by silently shortening
/// `frames` to what is present (its log keeps "data : 8820 (should be 3956)"), reads a 7-bit fmt
/// chunk as 8-bit, and on a pipe cannot check the length at all; these two lines are the only trace.
/// Only WAV/WAVEX with fixed bytes per frame (PCM and float encodings) are read; other formats give nil.
struct WAVHeaderLog {
    /// Bits per sample a WAV may declare (8-bit unsigned, 16/24/32-bit integer, 32/64-bit float).
    static let acceptedBitDepths = [8, 16, 24, 32, 64]

    /// The fmt chunk's "Bit Width".
    let bitWidth: Int?
    /// Bytes the data chunk declares; nil when absent or a placeholder recorders and pipes write
    /// while the length is unknown (0, or 0x7FFF0000 and above).
    let dataBytes: Int?
    let bytesPerFrame: Int

    init?(_ handle: OpaquePointer, _ sfInfo: SF_INFO) {
        let bytesPerSample: [Int32: Int] = [Int32(SF_FORMAT_PCM_U8): 1, Int32(SF_FORMAT_PCM_S8): 1,
                                            Int32(SF_FORMAT_PCM_16): 2, Int32(SF_FORMAT_PCM_24): 3,
                                            Int32(SF_FORMAT_PCM_32): 4, Int32(SF_FORMAT_FLOAT): 4,
                                            Int32(SF_FORMAT_DOUBLE): 8]
        let major = sfInfo.format & Int32(SF_FORMAT_TYPEMASK)
        guard major == Int32(SF_FORMAT_WAV) || major == Int32(SF_FORMAT_WAVEX),
              let width = bytesPerSample[sfInfo.format & Int32(SF_FORMAT_SUBMASK)] else { return nil }
        var log = [CChar](repeating: 0, count: 8192)
        sf_command(handle, Int32(SFC_GET_LOG_INFO), &log, Int32(log.count))
        let lines = String(decoding: log.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: "\n")
        func number(after key: String) -> Int? {
            guard let line = lines.first(where: { $0.drop { $0 == " " }.hasPrefix(key) }),
                  let colon = line.firstIndex(of: ":") else { return nil }
            return Int(line[line.index(after: colon)...].drop { $0 == " " }.prefix { $0.isNumber })
        }
        bitWidth = number(after: "Bit Width")
        dataBytes = number(after: "data").flatMap { $0 == 0 || $0 >= 0x7FFF_0000 ? nil : $0 }
        bytesPerFrame = width * Int(sfInfo.channels)
    }

    /// The frames the data chunk declares when that is more than `present` (a truncated file, or
    /// any declared length on a pipe, where `present` is 0); nil otherwise.
    func declaredFrames(present: Int) -> Int? {
        guard let dataBytes else { return nil }
        let frames = dataBytes / bytesPerFrame
        return frames > present ? frames : nil
    }
}
