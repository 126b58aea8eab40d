import ArgumentParser
import TinyCLI

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not implemented yet)")
    func run() throws { throw ToolError("tinyml export is not implemented yet") }
}
