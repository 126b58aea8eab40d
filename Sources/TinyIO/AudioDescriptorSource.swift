import Foundation

/// Turns an open descriptor carrying audio with a header (a file, or a pipe such as stdin) into a
/// descriptor libsndfile can decode whatever the format, for `AudioFileReader(fileDescriptor:name:)`.
///
/// - A seekable descriptor (a regular file, e.g. `tool - < in.flac`) is used as is (duplicated).
/// - On a pipe or socket, the first 12 bytes are read to see the container. WAV (`RIFF`, `RIFX`),
///   AIFF (`FORM`) and AU (`.snd`, `dns.`) are the formats libsndfile parses front to back from a
///   pipe, so they keep streaming in constant memory and with live latency: a relay thread hands
///   libsndfile a socket that replays those 12 bytes and then copies the pipe (one extra copy per
///   byte, a 64 KiB buffer).
/// - Every other format (FLAC, Ogg Vorbis/Opus, CAF, W64, MP3, ... and unrecognised bytes, so that
///   libsndfile names the problem) needs seeks while opening or reading: FLAC's decoder rereads the
///   bytes format detection consumed, Ogg measures its length from the last page, CAF on a pipe
///   yields zero frames. Such input is spooled — the pipe is copied to an unlinked temporary file
///   (in `$TMPDIR`, else `/tmp`), which libsndfile then streams like any file. Memory stays constant
///   (one 64 KiB copy buffer); the disk cost is the input's full size (an hour of 16 kHz mono
///   16-bit FLAC: at most ≈ 90 MB, for white noise; speech compresses to about half of the WAV's
///   115 MB) until the reader is released, when the space is freed; decoding starts
///   only once the pipe ends, so a spooled stream is not live, but its length is known and a
///   truncated file is reported as such.
///
/// Errors (`IOError`, one line, naming `name`): no bytes at all → `.empty`; a failing read of the
/// descriptor → `.unreadable`; no temporary file or a full disk while spooling → `.unreadable`.
enum AudioDescriptorSource {
    /// Formats libsndfile reads front to back from a pipe, by their first four bytes.
    static let streamableMagic = Set(["RIFF", "RIFX", "FORM", ".snd", "dns."].map { Array($0.utf8) })

    /// Bytes read to identify the container.
    static let probeLength = 12

    /// A descriptor for `sf_open_fd` (which takes ownership of it) and whether it is a spooled copy.
    static func open(fileDescriptor: Int32, name: String) throws(IOError) -> (descriptor: Int32, spooled: Bool) {
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else {
            throw .unreadable(path: name, reason: String(cString: strerror(errno)))
        }
        let type = status.st_mode & S_IFMT
        if type != S_IFIFO && type != S_IFSOCK && lseek(fileDescriptor, 0, SEEK_CUR) >= 0 {
            return (try duplicate(fileDescriptor, name: name), false)
        }
        let input = ByteInput(fileDescriptor: fileDescriptor, name: name)
        var probe = [UInt8](repeating: 0, count: probeLength)
        let probed = try probe.withUnsafeMutableBufferPointer { b throws(IOError) in
            try input.readFully(into: UnsafeMutableRawBufferPointer(b))
        }
        guard probed > 0 else { throw .empty(source: name) }
        probe.removeLast(probeLength - probed)
        if probed >= 4, streamableMagic.contains(Array(probe[0 ..< 4])) {
            return (try relay(probe, then: fileDescriptor, name: name), false)
        }
        return (try spool(probe, then: input, name: name), true)
    }

    private static func duplicate(_ descriptor: Int32, name: String) throws(IOError) -> Int32 {
        let copy = dup(descriptor)
        guard copy >= 0 else { throw .unreadable(path: name, reason: String(cString: strerror(errno))) }
        return copy
    }

    /// The read end of a socket pair fed by a detached thread with `prefix` and then everything
    /// `source` delivers (read through its own duplicate of `source`, so the caller may close its
    /// descriptor at any time). The thread ends at the end of `source`, on a read error (libsndfile
    /// then sees the end of the stream), or at its next write once libsndfile has closed the read
    /// end (no SIGPIPE: writes use `MSG_NOSIGNAL` / `SO_NOSIGPIPE`); until then it may sit in a
    /// blocking read of `source`.
    private static func relay(_ prefix: [UInt8], then source: Int32, name: String) throws(IOError) -> Int32 {
        var ends: [Int32] = [0, 0]
        #if canImport(Glibc)
        let kind = Int32(SOCK_STREAM.rawValue)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let kind = SOCK_STREAM
        let noSignal: Int32 = 0
        #endif
        guard socketpair(AF_UNIX, kind, 0, &ends) == 0 else {
            throw .unreadable(path: name, reason: "cannot make a relay socket: " + String(cString: strerror(errno)))
        }
        let (reader, writer) = (ends[0], ends[1])
        let copy = dup(source)
        guard copy >= 0 else {
            let reason = String(cString: strerror(errno))
            close(reader)
            close(writer)
            throw .unreadable(path: name, reason: reason)
        }
        #if !canImport(Glibc)
        var on: Int32 = 1
        setsockopt(writer, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        let thread = Thread {
            defer { close(writer) }
            func send(_ bytes: UnsafeRawBufferPointer) -> Bool {
                writeAll(bytes) { Foundation.send(writer, $0, $1, noSignal) }
            }
            let input = ByteInput(fileDescriptor: copy, name: name, closeWhenDone: true)
            guard prefix.withUnsafeBytes(send) else { return }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = (try? buffer.withUnsafeMutableBytes { b throws(IOError) in try input.read(into: b) }) ?? 0
                guard n > 0, buffer.withUnsafeBytes({ send(UnsafeRawBufferPointer(rebasing: $0[0 ..< n])) }) else { return }
            }
        }
        thread.start()
        return reader
    }

    /// Hands all of `bytes` to `write` (one `write(2)` or `send(2)` call), retrying short and
    /// interrupted writes; false when a call fails (`errno` says why).
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, _ write: (UnsafeRawPointer, Int) -> Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = write(bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// An unlinked temporary file holding `prefix` and the rest of `input`, positioned at its start.
    private static func spool(_ prefix: [UInt8], then input: ByteInput, name: String) throws(IOError) -> Int32 {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/tinyml-stdin-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else {
            throw .unreadable(path: name, reason: "cannot make a temporary file in \(directory) to spool the pipe: "
                              + String(cString: strerror(errno)))
        }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        var complete = false
        defer { if !complete { close(file) } }
        func append(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
            guard writeAll(bytes, { write(file, $0, $1) }) else {
                throw .unreadable(path: name, reason: "cannot spool the pipe to \(directory): " + String(cString: strerror(errno)))
            }
        }
        var buffer = prefix + [UInt8](repeating: 0, count: (1 << 16) - prefix.count)
        var n = prefix.count
        while n > 0 {
            n = try buffer.withUnsafeMutableBufferPointer { b throws(IOError) in
                try append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[0 ..< n])))
                return try input.read(into: UnsafeMutableRawBufferPointer(b))
            }
        }
        guard lseek(file, 0, SEEK_SET) == 0 else {
            throw .unreadable(path: name, reason: "cannot rewind the spool file: " + String(cString: strerror(errno)))
        }
        complete = true
        return file
    }
}
