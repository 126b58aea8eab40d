import ArgumentParser
import TinyCLI

/// `tinyml`: the umbrella tool — features, model inspection and execution, evaluation, board
/// reports, export and benchmarks. Each subcommand lives in its own file.
@main
struct TinyML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tinyml",
        abstract: "TinyMLSuite: features, int8 models, evaluation and deployment reports.",
        discussion: "No command writes over one of its inputs (refused before anything is opened for writing). "
            + ExitStatus.helpText + " (tinyml report: 1 also when something does not fit, 2 with --strict when measurements are missing.)",
        subcommands: [
            FeaturesCommand.self,
            InspectCommand.self,
            RunCommand.self,
            EvalCommand.self,
            ReportCommand.self,
            ExportCommand.self,
            BenchCommand.self,
            AudioCommand.self,
            SignalCommand.self,
        ]
    )
}
