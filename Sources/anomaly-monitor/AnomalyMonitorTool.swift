import ArgumentParser

/// `anomaly-monitor`: watches a motor's vibration (or sound) stream for anomalies.
@main
struct AnomalyMonitorTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomaly-monitor",
        abstract: "Motor anomaly detection on a live signal, with on-device learning of normal.",
        subcommands: [StreamCommand.self],
        defaultSubcommand: StreamCommand.self)
}
