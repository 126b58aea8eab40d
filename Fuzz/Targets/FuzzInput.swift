// How the targets hand an input to a parser: as a seekable descriptor, a pipe, or a named file, all
// in memory where the system allows (a private directory under /dev/shm, else $TMPDIR or /tmp), and
// option bytes split off the front for targets whose parser takes settings.

import Foundation

/// Scratch files for the inputs of one fuzzing process.
enum FuzzFiles {
    nonisolated(unsafe) private(set) static var directory = ""
    /// An unlinked file, rewritten for each input of `seekable`.
    nonisolated(unsafe) private static var scratch: Int32 = -1

    /// Makes the private directory, points `TMPDIR` at it (so spooled pipes stay in memory) and
    /// opens the scratch file. Called once, from `LLVMFuzzerInitialize`.
    static func prepare() {
        let environment = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 }
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : environment ?? "/tmp"
        directory = base + "/tinyml-fuzz-\(getpid())"
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else { fatalError("cannot make \(directory)") }
        setenv("TMPDIR", directory, 1)
        atexit { try? FileManager.default.removeItem(atPath: FuzzFiles.directory) }
        let path = directory + "/seekable"
        scratch = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard scratch >= 0 else { fatalError("cannot open \(path)") }
        unlink(path)
    }

    /// A seekable descriptor (a regular file) holding exactly `bytes`, positioned at the start. It
    /// stays owned here: callers may duplicate it, never close it.
    static func seekable(_ bytes: [UInt8]) -> Int32 {
        guard ftruncate(scratch, 0) == 0, bytes.withUnsafeBytes({ pwrite(scratch, $0.baseAddress, $0.count, 0) }) == bytes.count,
              lseek(scratch, 0, SEEK_SET) == 0 else { fatalError("cannot rewrite the scratch file") }
        return scratch
    }

    /// The read end of a pipe that delivers `bytes` and then ends (its write end is closed). The
    /// caller owns it. The pipe is enlarged to hold the input; bytes past its capacity (1 MiB on
    /// Linux, 64 KiB elsewhere: far above every target's -max_len) are left out.
    static func pipe(_ bytes: [UInt8]) -> Int32 {
        var ends: [Int32] = [0, 0]
        guard Foundation.pipe(&ends) == 0 else { fatalError("cannot make a pipe") }
        var capacity = 1 << 16
        #if os(Linux)
        let setPipeSize: Int32 = 1031, getPipeSize: Int32 = 1032   // F_SETPIPE_SZ, F_GETPIPE_SZ
        _ = fcntl(ends[1], setPipeSize, Int32(1 << 20))
        capacity = Int(fcntl(ends[1], getPipeSize))
        #endif
        let count = min(bytes.count, capacity)
        guard bytes.withUnsafeBytes({ write(ends[1], $0.baseAddress, count) }) == count else { fatalError("cannot fill the pipe") }
        close(ends[1])
        return ends[0]
    }

    /// `<directory>/<name>` holding `bytes` (rewritten for each input).
    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0, bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            fatalError("cannot write \(path)")
        }
        close(fd)
        return path
    }
}

/// An input split into `count` option bytes (0 where the input is shorter) and the payload after them.
struct FuzzOptions {
    let bytes: [UInt8]
    let payload: [UInt8]

    init(_ input: [UInt8], count: Int) {
        bytes = Array(input.prefix(count)) + [UInt8](repeating: 0, count: max(0, count - input.count))
        payload = Array(input.dropFirst(count))
    }

    /// `choices[bytes[index] % choices.count]`.
    func pick<T>(_ index: Int, _ choices: [T]) -> T { choices[Int(bytes[index]) % choices.count] }
}
