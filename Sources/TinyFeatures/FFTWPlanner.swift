import CFFTW
import Foundation

/// Serialises FFTW's planner and keeps its plans reproducible across processes.
///
/// Thread safety: FFTW documents that only `fftw_execute*` is thread-safe; plan creation and
/// destruction (`fftwf_plan_*`, `fftwf_destroy_plan`) touch global planner state and must not run
/// concurrently. Every plan in this module is made and destroyed under this lock; executing a plan
/// (on its own buffers) needs no lock.
///
/// Reproducibility: `FFTW_MEASURE` picks the fastest of several exact algorithms by timing them, so
/// two processes could plan a size differently and round the last bit of a feature differently. The
/// first plan of a process therefore imports FFTW wisdom from a per-user file, and every plan made
/// afterwards is exported back to it: once a size has been planned on a machine, every later process
/// on that machine uses the same algorithm and computes bit-identical features. The file is
/// `$TINYML_FFTW_WISDOM`, else `$XDG_CACHE_HOME/tinyml/fftw3f.wisdom`, else
/// `~/.cache/tinyml/fftw3f.wisdom`; `TINYML_FFTW_WISDOM=off` disables it. An unreadable or
/// unwritable file only costs the reproducibility, never an error.
enum FFTWPlanner {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var wisdomLoaded = false
    /// The wisdom as last read from or written to the file (nothing is written when it is unchanged).
    nonisolated(unsafe) private static var knownWisdom: String?

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Makes a plan under the lock with the machine's remembered wisdom (see above).
    static func plan<P>(_ make: () -> P?) -> P? {
        withLock {
            let path = wisdomPath()
            if !wisdomLoaded {
                wisdomLoaded = true
                if let path, fftwf_import_wisdom_from_filename(path) != 0 { knownWisdom = currentWisdom() }
            }
            let plan = make()
            if let path, plan != nil, let wisdom = currentWisdom(), wisdom != knownWisdom {
                knownWisdom = wisdom
                write(wisdom, to: path)
            }
            return plan
        }
    }

    private static func currentWisdom() -> String? {
        guard let text = fftwf_export_wisdom_to_string() else { return nil }
        defer { free(text) }
        return String(cString: text)
    }

    /// Writes atomically (temporary file + rename), so a concurrent reader never sees half a file.
    private static func write(_ wisdom: String, to path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(wisdom.utf8)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func wisdomPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TINYML_FFTW_WISDOM"], !explicit.isEmpty {
            return explicit == "off" ? nil : explicit
        }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty { return cache + "/tinyml/fftw3f.wisdom" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/tinyml/fftw3f.wisdom" }
        return nil
    }
}
