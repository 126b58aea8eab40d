import Foundation

/// A file written front to back through a 1 MiB buffer, with in-place patches (`patch(_:at:)`)
/// and read-back (`readBack(from:count:_:)`) of what is already written: what the streaming `.npy` and
/// `.npz` writers need. Errors are `OutputFile.Failure` naming the path and the system's reason.
final class OutputFile {
    struct Failure: Error, Equatable, Sendable {
        let path: String
        let reason: String
    }

    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes written so far (the next byte's offset).
    private(set) var offset = 0

    /// Creates (or truncates) `path`.
    init(path: String) throws(Failure) {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if fd >= 0 { _ = close(fd) } }

    func append(_ bytes: [UInt8]) throws(Failure) {
        buffer.append(contentsOf: bytes)
        offset += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws(Failure) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Overwrites bytes already written at `position`.
    func patch(_ bytes: [UInt8], at position: Int) throws(Failure) {
        try flush()
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, off_t(position)) }
        if n != bytes.count { throw Failure(path: path, reason: n < 0 ? String(cString: strerror(errno)) : "short write") }
    }

    /// Feeds `count` bytes already written, from `position`, to `body` in chunks of at most 1 MiB.
    func readBack(from position: Int, count: Int, _ body: (UnsafeRawBufferPointer) -> Void) throws(Failure) {
        try flush()
        var chunk = [UInt8](repeating: 0, count: min(count, 1 << 20))
        var done = 0
        while done < count {
            let want = min(chunk.count, count - done)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(position + done)) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                throw Failure(path: path, reason: n < 0 ? String(cString: strerror(errno)) : "unexpected end of file")
            }
            chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            done += n
        }
    }

    func closeFile() throws(Failure) {
        try flush()
        let r = close(fd)
        fd = -1
        if r != 0 { throw Failure(path: path, reason: String(cString: strerror(errno))) }
    }
}
