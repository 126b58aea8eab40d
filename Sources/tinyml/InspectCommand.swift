import ArgumentParser
import TinyCLI

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "(not implemented yet)")
    func run() throws { throw ToolError("tinyml inspect is not implemented yet") }
}
