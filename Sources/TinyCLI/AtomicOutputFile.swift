import Foundation

/// An output written under a temporary name beside its target (`.<name>.partial-<pid>-<n>` in the
/// same directory, so the final rename stays on one file system) and renamed onto the target by
/// `commit()`: readers never see a half-written file. Until then the temporary file is removed by
/// `discard()` (call it on every failure path, e.g. `defer { output.discard() }`; after `commit()`
/// it does nothing) and, should the process get SIGINT, SIGTERM or SIGHUP, by a signal handler
/// that unlinks every registered temporary file — unlink only, which is async-signal-safe — and
/// re-raises the signal with its default action, so the exit status still says what killed it.
public final class AtomicOutputFile {
    public let target: String
    public let temporaryPath: String
    private var slot: Int?

    /// Reserves a temporary path beside `target` and registers it for cleanup on a signal.
    public init(target: String) throws(ToolError) {
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolError("cannot write '\(target)': no such directory '\(directory)'")
        }
        self.target = target
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())-\(TemporaryFiles.nextSerial())").path
        slot = TemporaryFiles.register(temporaryPath)
        if slot == nil { throw ToolError("cannot write '\(target)': too many temporary files open") }
    }

    /// Renames the finished temporary file onto the target.
    public func commit() throws(ToolError) {
        guard let slot else { return }
        if rename(temporaryPath, target) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw ToolError("cannot write '\(target)': \(reason)")
        }
        TemporaryFiles.unregister(slot)
        self.slot = nil
    }

    /// Removes the temporary file (nothing after `commit()`).
    public func discard() {
        guard let slot else { return }
        unlink(temporaryPath)
        TemporaryFiles.unregister(slot)
        self.slot = nil
    }

    deinit { discard() }
}

/// The registry the signal handler walks: a fixed table of C strings, so the handler only reads
/// memory that already exists and calls `unlink`.
private enum TemporaryFiles {
    static let capacity = 16
    nonisolated(unsafe) static let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    nonisolated(unsafe) static var installed = false
    nonisolated(unsafe) static var serial = 0
    static let lock = NSLock()
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    static func nextSerial() -> Int {
        lock.lock(); defer { lock.unlock() }
        serial += 1
        return serial
    }

    static func register(_ path: String) -> Int? {
        lock.lock(); defer { lock.unlock() }
        if !installed {
            paths.initialize(repeating: nil, count: capacity)
            var unblock = sigset_t()
            sigemptyset(&unblock)
            for s in signals {
                signal(s, handle)
                sigaddset(&unblock, s)
            }
            // A parent may have started this process with them blocked (Foundation's `Process`
            // passes its thread's mask on): unblocked, so the cleanup cannot be skipped.
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            installed = true
        }
        guard let i = (0 ..< capacity).first(where: { paths[$0] == nil }) else { return nil }
        paths[i] = strdup(path)
        return i
    }

    static func unregister(_ i: Int) {
        lock.lock(); defer { lock.unlock() }
        let p = paths[i]
        paths[i] = nil
        free(p)
    }
}

/// SIGINT/SIGTERM/SIGHUP: unlink the temporary files, then die of the same signal.
private func handle(_ sig: Int32) {
    for i in 0 ..< TemporaryFiles.capacity {
        if let p = TemporaryFiles.paths[i] { unlink(p) }
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
