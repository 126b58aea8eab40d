import CFFTW
import Foundation

/// Serialises FFTW's planner. FFTW documents that only `fftw_execute*` is thread-safe; plan
/// creation and destruction (`fftwf_plan_*`, `fftwf_destroy_plan`) touch global planner state and
/// must not run concurrently. Every plan in this module is made and destroyed under this lock;
/// executing a plan (on its own buffers) needs no lock.
enum FFTWPlanner {
    private static let lock = NSLock()

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
