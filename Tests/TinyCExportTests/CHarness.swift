import Foundation
import TinyCExport
import TinyCore
import TinyTestSupport

/// Builds an exported C library with the host C compiler under the strictest C99 flags
/// (`gcc -std=c99 -Wall -Wextra -Werror -pedantic -ffp-contract=off`) together with a driver that reads cases of
/// raw input bytes from a file and writes the raw outputs, then runs it.
struct CHarness {
    static let flags = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O2", "-ffp-contract=off"]
    static var compiler: String? {
        ["/usr/bin/gcc", "/usr/local/bin/gcc"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    /// Cortex-M4F, as `Tools/measure/c_export.py` builds the exported C.
    static let armFlags = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2", "-ffp-contract=off",
                           "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"]
    static var armCompiler: String? {
        ["/usr/bin/arm-none-eabi-gcc", "/usr/local/bin/arm-none-eabi-gcc"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var qemu: String? {
        ["/usr/bin/qemu-system-arm", "/usr/local/bin/qemu-system-arm"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let directory: URL
    let executable: URL

    /// Writes `library` and the driver into a fresh temporary directory and compiles them.
    init(library: CLibrary, graph: Graph) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-cexport-\(UUID().uuidString)")
        try library.write(to: directory.path)
        try Self.driver(library: library, graph: graph).write(to: directory.appendingPathComponent("driver.c"),
                                                               atomically: true, encoding: .utf8)
        executable = directory.appendingPathComponent("driver")
        let result = try runProcess(Self.compiler ?? "gcc", Self.flags + [
            directory.appendingPathComponent("driver.c").path,
            directory.appendingPathComponent("\(library.name).c").path, "-o", executable.path,
        ])
        if result.status != 0 { throw HarnessError("C compile failed:\n\(result.output)") }
    }

    /// Runs the compiled driver on `cases` concatenated input records; returns the concatenated outputs.
    func invoke(_ inputs: [UInt8]) throws -> [UInt8] {
        let inputFile = directory.appendingPathComponent("in.bin"), outputFile = directory.appendingPathComponent("out.bin")
        try Data(inputs).write(to: inputFile)
        let result = try runProcess(executable.path, [inputFile.path, outputFile.path])
        if result.status != 0 { throw HarnessError("driver failed (\(result.status)): \(result.output)") }
        return [UInt8](try Data(contentsOf: outputFile))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static func driver(library: CLibrary, graph: Graph) -> String {
        let m = library.name.uppercased()
        let inCount = graph.inputs.count, outCount = graph.outputs.count
        func name(_ role: String, _ i: Int, _ n: Int) -> String { n > 1 ? "\(role)\(i)" : role }
        var text = "#include <stdio.h>\n#include \"\(library.name).h\"\n\nint main(int argc, char **argv)\n{\n"
        text += "    FILE *in;\n    FILE *out;\n"
        for i in 0 ..< inCount { text += "    static unsigned char \(name("input", i, inCount))[\(m)_INPUT\(i)_BYTES];\n" }
        for i in 0 ..< outCount { text += "    static unsigned char \(name("output", i, outCount))[\(m)_OUTPUT\(i)_BYTES];\n" }
        text += "    if (argc != 3) return 2;\n    in = fopen(argv[1], \"rb\");\n    out = fopen(argv[2], \"wb\");\n"
        text += "    if (!in || !out) return 3;\n    for (;;) {\n"
        for i in 0 ..< inCount {
            let n = name("input", i, inCount)
            text += "        if (fread(\(n), 1, sizeof \(n), in) != sizeof \(n)) break;\n"
        }
        let args = graph.inputs.enumerated().map { i, id in
            "(const \(ctype(graph.tensors[id].type)) *)(const void *)\(name("input", i, inCount))"
        } + graph.outputs.enumerated().map { i, id in
            "(\(ctype(graph.tensors[id].type)) *)(void *)\(name("output", i, outCount))"
        }
        text += "        if (\(library.name)_invoke(\(args.joined(separator: ", "))) != 0) return 4;\n"
        for i in 0 ..< outCount {
            let n = name("output", i, outCount)
            text += "        if (fwrite(\(n), 1, sizeof \(n), out) != sizeof \(n)) return 5;\n"
        }
        text += "    }\n    fclose(in);\n    return fclose(out) == 0 ? 0 : 6;\n}\n"
        return text
    }

    static func ctype(_ t: ElementType) -> String { t == .float32 ? "float" : "int8_t" }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
