import Foundation

/// Runs `tool` with `arguments` and waits; returns its exit status and its stdout and stderr together.
public func runProcess(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// One run of a built tool: its exit status, stdout and stderr apart.
public struct ToolRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// The executable `name` that `swift build` / `swift test` built beside the running test binary
    /// (or in `.build/debug`), nil when it is not built.
    public static func path(_ name: String) -> String? {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          TestPaths.repoRoot.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent(name).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the built tool `name` with `arguments`, feeding `stdin` through a pipe (closed at its
    /// end, so the tool sees the end of the stream) from another thread.
    public static func run(_ name: String, _ arguments: [String], stdin: Data = Data()) throws -> ToolRun {
        guard let tool = path(name) else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        // stderr goes to a file: read after the exit, it cannot fill a pipe and stall the tool.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("toolrun-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            for start in stride(from: 0, to: stdin.count, by: 4096) {
                writer.write(stdin.subdata(in: start ..< min(start + 4096, stdin.count)))
            }
            try? writer.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        return ToolRun(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                       stderr: String(decoding: errorData, as: UTF8.self))
    }
}
