import Foundation

/// Locations that tests share: the repository root, committed fixtures, and the datasets
/// in `../shared` (or `$TINYML_DATA`), which are never copied into the project.
public enum TestPaths {
    /// The repository root, found by walking up from this source file to `Package.swift`.
    public static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url = url.deletingLastPathComponent()
        }
        fatalError("TestPaths: no Package.swift above \(#filePath)")
    }()

    /// The executable `name` that `swift build` / `swift test` built (beside the running test
    /// binary, or in `.build/debug`), or nil when it is not built.
    public static func builtTool(_ name: String) -> String? {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          repoRoot.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent(name).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `Tests/<target>/Fixtures/<name>`.
    public static func fixture(_ target: String, _ name: String) -> URL {
        repoRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
    }

    /// The shared datasets directory: `$TINYML_DATA` if set, else `<repo>/../shared/datasets`.
    public static var datasetsRoot: URL {
        if let env = ProcessInfo.processInfo.environment["TINYML_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
    }

    /// The shared reference models: `$TINYML_REFERENCE_MODELS` or `<repo>/../shared/reference-models`.
    public static var referenceModelsRoot: URL {
        if let env = ProcessInfo.processInfo.environment["TINYML_REFERENCE_MODELS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared/reference-models")
    }

    /// `datasetsRoot/<name>` if its `MANIFEST.csv` exists, else nil (tests then skip and say why).
    public static func dataset(_ name: String) -> URL? {
        let dir = datasetsRoot.appendingPathComponent(name)
        let manifest = dir.appendingPathComponent("MANIFEST.csv")
        return FileManager.default.fileExists(atPath: manifest.path) ? dir : nil
    }

    /// A one-line reason for skipping a dataset test; printed by the `.enabled(if:)` trait comment.
    public static func missingDatasetMessage(_ name: String) -> String {
        "dataset '\(name)' not found at \(datasetsRoot.path)/\(name) — set TINYML_DATA or place ../shared beside the repo"
    }
}
