import Foundation

/// Finds the pipeline a tool runs when the user names none: the checkout's
/// `Pipelines/<name>` — so `kws-demo clip.wav` works from any directory, not only the repo root.
///
/// Search order for `BundledPipeline.path(nil, name: "kws")`:
/// 1. `$TINYML_PIPELINES/<name>` (a copy of `Pipelines/` installed elsewhere);
/// 2. `Pipelines/<name>` below the current directory;
/// 3. `Pipelines/<name>` in the checkout that holds the running executable (walking up from its
///    real path, e.g. `.build/release/kws-demo` → the repository root).
/// A path the user gave (`--pipeline P`) is returned unchanged; the pipeline loaders report a
/// missing one. When nothing is found the error lists where it looked.
public enum BundledPipeline {
    public static func path(_ given: String?, name: String) throws -> String {
        if let given { return given }
        let fm = FileManager.default
        var looked: [String] = []
        if let root = ProcessInfo.processInfo.environment["TINYML_PIPELINES"], !root.isEmpty {
            looked.append((root as NSString).appendingPathComponent(name))
        }
        looked.append("Pipelines/" + name)
        if let checkout = checkoutOfExecutable() {
            looked.append(checkout + "/Pipelines/" + name)
        }
        for candidate in looked where fm.fileExists(atPath: candidate) { return candidate }
        throw ToolError("no pipeline given and none found at \(looked.joined(separator: ", ")) — pass --pipeline or set TINYML_PIPELINES")
    }

    /// The repository root above the running executable (the directory holding `Package.swift`
    /// and `Pipelines/`), or nil.
    public static func checkoutOfExecutable() -> String? {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        var url = URL(fileURLWithPath: executable).standardizedFileURL.deletingLastPathComponent()
        let fm = FileManager.default
        while url.path != "/" {
            if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: url.appendingPathComponent("Pipelines").path) {
                return url.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
