import Foundation

/// A user-facing failure: printed as one line (`<tool>: error: <message>`) with a non-zero exit code.
///
/// The cause stays typed, so tests match cases rather than message text: problems a command finds
/// in its own options have their own cases; a library's error (every module's is
/// `CustomStringConvertible` with a one-line description) is kept as `.library`. The exit code is
/// 1, or `ExitStatus.inputEndedEarly` when the library error is an input that ended early.
public struct ToolError: Error, CustomStringConvertible {
    public enum Cause {
        /// A problem the command states itself (an option combination, a missing dataset).
        case message(String)
        /// A numeric option whose value cannot work (`requirement`: what it must be).
        case invalidOption(option: String, value: String, requirement: String)
        /// An output path that names one of the command's inputs (`OutputPaths.refuseInputs`).
        case outputIsInput(option: String, path: String, input: String)
        /// A report path whose extension is not a format the command writes (`ReportFormat`).
        case unsupportedReportFormat(option: String, path: String, accepted: [String])
        /// A module's own error.
        case library(any Error)
    }

    public let cause: Cause
    public let exitCode: Int32

    public init(_ cause: Cause, exitCode: Int32 = ExitStatus.failure) {
        self.cause = cause
        self.exitCode = exitCode
    }

    public init(_ message: String, exitCode: Int32 = ExitStatus.failure) {
        self.init(.message(message), exitCode: exitCode)
    }

    /// Wraps any error, keeping it and its one-line description; the exit code follows
    /// `ExitStatus.code(for:)` unless given.
    public init(_ error: any Error, exitCode: Int32? = nil) {
        if let tool = error as? ToolError {
            self = tool
        } else {
            self.init(.library(error), exitCode: exitCode ?? ExitStatus.code(for: error))
        }
    }

    public var message: String {
        switch cause {
        case .message(let text):
            return text
        case .invalidOption(let option, let value, let requirement):
            return "\(option) must be \(requirement) (got \(value))"
        case .outputIsInput(let option, let path, let input):
            return "\(option) '\(path)' is the input '\(input)': refusing to overwrite an input (nothing was written)"
        case .unsupportedReportFormat(let option, let path, let accepted):
            return "\(option) '\(path)': unsupported report format (it writes " + accepted.map { ".\($0)" }.joined(separator: ", ") + ")"
        case .library(let error):
            return String(describing: error)
        }
    }

    public var description: String { message }
}
