import Foundation

/// Writes generated files into `directory` (created if needed); `what` names them in the error.
func writeFiles(_ files: [(name: String, contents: String)], to directory: String, what: String) throws(CExportError) {
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            try file.contents.write(toFile: (directory as NSString).appendingPathComponent(file.name),
                                    atomically: true, encoding: .utf8)
        }
    } catch {
        throw CExportError("cannot write \(what) to '\(directory)': \(error.localizedDescription)")
    }
}
