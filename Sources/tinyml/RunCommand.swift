import ArgumentParser
import TinyCLI

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(not implemented yet)")
    func run() throws { throw ToolError("tinyml run is not implemented yet") }
}
