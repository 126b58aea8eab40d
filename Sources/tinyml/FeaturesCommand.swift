import ArgumentParser
import TinyCLI

struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "features", abstract: "(not implemented yet)")
    func run() throws { throw ToolError("tinyml features is not implemented yet") }
}
