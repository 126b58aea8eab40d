import ArgumentParser
import TinyCLI

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "(not implemented yet)")
    func run() throws { throw ToolError("tinyml bench is not implemented yet") }
}
