import Foundation

/// Writes generated files into `directory` (created if needed, as are the subdirectories a name has); `what` names them in the error.
func writeFiles(_ files: [(name: String, contents: String)], to directory: String, what: String) throws(CExportError) {
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
        }
    } catch {
        throw .writeFailed(what: what, directory: directory, reason: error.localizedDescription)
    }
}
