import Foundation

/// The one check every command that writes a file runs before it opens anything for writing: no
/// output may name one of the command's inputs (`tinyml audio convert X --output X` would destroy X).
///
/// Two paths name the same file when both exist and have the same device and inode (hard links,
/// symlinks, `./x` vs `x` all count), or, for an output that does not exist yet, when its resolved
/// path (symlinks in its directory followed, `.` and `..` removed) equals the input's. `-` (a
/// standard stream) and nil (an option not given) are never compared.
public enum OutputPaths {
    /// Throws `.outputIsInput` for the first output that names an input.
    public static func refuseInputs(_ outputs: [(option: String, path: String?)], inputs: [String?]) throws(ToolError) {
        let existing = inputs.compactMap { $0 }.filter { $0 != "-" }
        for case let (option, path?) in outputs where path != "-" {
            if let input = existing.first(where: { same(path, $0) }) {
                throw ToolError(.outputIsInput(option: option, path: path, input: input))
            }
        }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        if stat(a, &sa) == 0, stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        return resolved(a) == resolved(b)
    }

    /// The absolute path with the directory's symlinks resolved (the file itself may not exist).
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }
}
