

/// A user-facing failure: printed as one line (`<tool>: error: <message>`) with a non-zero exit code.
///
/// Library errors conform to `CustomStringConvertible` with a one-line description; commands wrap
/// them with `ToolError(error)` or throw `ToolError("...")` directly, so every bad input ends in a clear
/// sentence instead of a crash or a stack trace.
public struct ToolError: Error, CustomStringConvertible {
    public let message: String
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Wraps any error, keeping its one-line description.
    public init(_ error: any Error, exitCode: Int32 = 1) {
        if let tool = error as? ToolError {
            self = tool
        } else {
            self.init(String(describing: error), exitCode: exitCode)
        }
    }

    public var description: String { message }
}

