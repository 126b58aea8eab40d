import ArgumentParser
import TinyCLI

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not implemented yet)")
    func run() throws { throw ToolError("tinyml report is not implemented yet") }
}
