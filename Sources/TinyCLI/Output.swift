import Foundation

/// Writes a line to standard error (diagnostics, progress, warnings) without touching stdout,
/// which is reserved for results (human lines or JSON lines).
public func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs `body` and turns any thrown error into `<tool>: error: <message>` on stderr and a non-zero
/// exit. Use it at the top of every command's `run()` so no error escapes as a crash.
public func withToolErrors<T>(_ tool: String, _ body: () throws -> T) -> T {
    do {
        return try body()
    } catch {
        let wrapped = ToolError(error)
        printError("\(tool): error: \(wrapped.message)")
        exit(wrapped.exitCode)
    }
}

/// Flushes stdout, so streaming results appear line by line when piped.
public func flushStdout() { fflush(nil) }
