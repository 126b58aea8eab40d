import ArgumentParser

/// `tinyml eval <pipeline>`: accuracy / AUC of a pipeline on a dataset manifest. One file per pipeline
/// (`Eval<Pipeline>Command.swift`) registers its subcommand here.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a pipeline on a dataset manifest.",
        subcommands: [EvalAnomalyCommand.self, EvalGestureCommand.self, EvalKWSCommand.self, EvalWildlifeCommand.self]
    )
}
