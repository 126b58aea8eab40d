import Foundation

/// A readable byte stream — a file opened by path, standard input, or any file descriptor — read
/// with plain `read(2)` so that pipes deliver data as soon as it arrives.
public final class ByteInput {
    /// The path, or `<stdin>`, for messages.
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading. Missing, unreadable, directory and zero-byte files throw.
    public init(path: String) throws(IOError) {
        try Self.checkReadableFile(path)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        name = path
        descriptor = fd
        ownsDescriptor = true
    }

    /// Reads from an open descriptor (a pipe, a serial port); `closeWhenDone` hands it over to be
    /// closed when this input is released.
    public init(fileDescriptor: Int32, name: String, closeWhenDone: Bool = false) {
        self.name = name
        descriptor = fileDescriptor
        ownsDescriptor = closeWhenDone
    }

    /// Standard input, named `<stdin>`.
    public static func standardInput() -> ByteInput {
        ByteInput(fileDescriptor: STDIN_FILENO, name: "<stdin>")
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Reads at most `buffer.count` bytes, blocking until at least one is available; returns 0 at
    /// the end of the input. Interrupted reads are retried.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.read(descriptor, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw .unreadable(path: name, reason: String(cString: strerror(errno)))
        }
    }

    /// Reads until `buffer` is full or the input ends; returns the bytes read.
    public func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        var total = 0
        while total < buffer.count {
            let n = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// Distinguishes a missing file, a directory, an unreadable file and a zero-byte regular file with
    /// typed errors before any decoder's generic "cannot open".
    static func checkReadableFile(_ path: String) throws(IOError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        // Only a regular file's size means anything (FIFOs and devices report 0).
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if attributes?[.type] as? FileAttributeType == .typeRegular, attributes?[.size] as? Int == 0 {
            throw .empty(source: path)
        }
    }
}
