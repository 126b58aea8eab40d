import TinyIO

/// The exit statuses every tool (kws-demo, anomaly-monitor, gesture-demo, wildlife-demo, tinyml)
/// shares, stated in each tool's `--help` (`helpText`) and the README:
/// - 0: done;
/// - 1: error — bad input, option, pipeline or model; one `<tool>: error: …` line on stderr;
/// - 4: the input ended early — a file or stream shorter than its header declares, or one that
///   stops inside a sample (raw PCM) or a line (CSV): everything before the cut was processed and
///   printed, then one error line says what was expected and what arrived;
/// - 64: command-line usage error (ArgumentParser).
///
/// anomaly-monitor adds 2 (an alarm was raised and cleared) and 3 (an alarm is active at the end);
/// those win over 4, whose cut is then reported on stderr and in the summary's `input_error`.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let inputEndedEarly: Int32 = 4
    public static let usage: Int32 = 64

    /// The sentence for `--help` discussions.
    public static let helpText = "Exit status: 0 ok; 1 error (one line on stderr); 4 the input ended early (truncated, "
        + "or cut mid-sample or mid-line: what arrived was processed, the line says what was expected); 64 usage error."

    /// 4 for an error caused by an input that ended early (`IOError.endedEarly`, directly or wrapped
    /// by a pipeline error), else 1.
    public static func code(for error: any Error) -> Int32 {
        ((error as? any WrapsIOError)?.ioError?.endedEarly ?? false) ? inputEndedEarly : failure
    }
}
