import Foundation

/// A progress bar on stderr for long work (feature extraction, evaluation).
///
/// Redraws at most ~10 times a second and only when stderr is a terminal, unless `force` is set;
/// otherwise it prints one line per 10 % so logs stay short. `finish()` ends the line.
public final class ProgressBar {
    private let total: Int
    private let label: String
    private let interactive: Bool
    private var done = 0
    private var lastDecile = -1
    private var lastDraw: Double = 0

    public init(total: Int, label: String, force: Bool = false) {
        self.total = max(total, 1)
        self.label = label
        self.interactive = force || isatty(2) != 0
    }

    public func advance(by n: Int = 1) {
        done += n
        let now = Self.seconds()
        if interactive {
            if now - lastDraw >= 0.1 || done >= total {
                lastDraw = now
                draw()
            }
        } else {
            let decile = done * 10 / total
            if decile != lastDecile {
                lastDecile = decile
                printError("\(label): \(done)/\(total) (\(decile * 10) %)")
            }
        }
    }

    public func finish() {
        if interactive {
            draw()
            writeStderr("\n")
        }
    }

    private func draw() {
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        writeStderr("\r\(label) [\(bar)] \(done)/\(total)")
    }

    private func writeStderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
