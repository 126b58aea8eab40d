import Foundation
import Testing
import TinyCExport
import TinyDSP
import TinyFeatures
import TinyTestSupport

/// The C front end on a Cortex-M4 (arm-none-eabi-gcc -O2, hard float: the VSQRT.F32 square root,
/// soft double), linked with the Swift firmware's board support (Embedded/Board, mps2) and run under
/// `qemu-system-arm -M mps2-an386`: every input of the golden signal, appended one hop at a time,
/// equals `StreamingFrontEnd<PortableRealFFT>`'s on the host bit for bit, and so does its int8 form.
/// Prints the instructions per frame and per input (worst) for comparison with the Swift firmware's
/// (Embedded/measurements.json, features."<key>-frame" / "-input").
@Suite(.enabled(if: CHarness.armCompiler != nil && CHarness.qemu != nil, "no arm-none-eabi-gcc or qemu-system-arm"))
struct CFrontEndDeviceTests {
    static let board = TestPaths.repoRoot.appendingPathComponent("Embedded/Board")

    static let main = """
        #include <stdint.h>
        #include "board.h"
        #include "fe.h"

        static float input[FE_INPUT_FLOATS];
        static int8_t quantized[FE_INPUT_FLOATS];

        static void print_hex(const void *data, unsigned long bytes)
        {
            const uint8_t *b = data;
            char line[129];
            unsigned long i, n = 0;
            for (i = 0; i < bytes; ++i) {
                line[n++] = "0123456789abcdef"[b[i] >> 4];
                line[n++] = "0123456789abcdef"[b[i] & 15];
                if (n == 128) { board_write(line, n); n = 0; }
            }
            board_write(line, n);
        }

        static void print_number(const char *name, unsigned long v)
        {
            char digits[24];
            int n = (int)sizeof digits;
            unsigned long length = 0;
            while (name[length]) length++;
            board_write(name, length);
            do { digits[--n] = (char)('0' + v % 10); v /= 10; } while (v);
            board_write(digits + n, sizeof digits - (unsigned long)n);
        }

        int main(int argc, char **argv)
        {
            const float *samples = (const float *)firmware_input();
            const int32_t count = (int32_t)(firmware_input_size() / sizeof(float));
            uint64_t append = 0, take = 0, worst = 0;
            int32_t position = 0, inputs = 0;
            (void)argc;
            (void)argv;
            while (position < count) {
                const int32_t chunk = count - position < FE_HOP ? count - position : FE_HOP;
                int32_t used = 0;
                while (used < chunk) {
                    uint64_t t = board_instructions();
                    used += fe_append(samples + position + used, chunk - used);
                    append += board_instructions() - t;
                    if (fe_has_input()) {
                        t = board_instructions();
                        fe_take_input(input);
                        fe_quantize(input, quantized);
                        t = board_instructions() - t;
                        take += t;
                        if (t > worst) worst = t;
                        board_write("input ", 6);
                        print_hex(input, sizeof input);
                        board_write(" ", 1);
                        print_hex(quantized, sizeof quantized);
                        board_write("\\n", 1);
                        inputs++;
                    }
                }
                position += chunk;
            }
            print_number("append ", (unsigned long)append);
            print_number(" take ", (unsigned long)take);
            print_number(" worst ", (unsigned long)worst);
            print_number(" inputs ", (unsigned long)inputs);
            board_write("\\n", 1);
            return 0;
        }

        """

    static let pipelines = ["kws", "wildlife", "anomaly", "anomaly/audio"]

    @Test(arguments: pipelines)
    func cortexM4EqualsSwift(_ pipeline: String) throws {
        let spec = try CFrontEndTests.spec(pipeline)
        let c = spec.frontEnd
        // A quantizer for specs without one, so the int8 path runs on the device too.
        let q = try spec.quantization ?? Int8Quantizer(scale: 0.25, zeroPoint: 3, rounding: .halfAwayFromZero)
        let samples = try CFrontEndTests.signal(rate: c.sampleRate)
        let frontEnd = try CFrontEndExporter.export(configuration: c, quantization: q, name: "fe")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-cfe-m4-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try frontEnd.write(to: dir.path)
        try Self.main.write(to: dir.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
        try samples.withUnsafeBytes { Data($0) }.write(to: dir.appendingPathComponent("samples.f32"))
        try Data().write(to: dir.appendingPathComponent("none.bin"))
        let cc = CHarness.armCompiler!, include = ["-I", dir.path, "-I", Self.board.appendingPathComponent("include").path]
        let cpu = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2"]
        let boardFlags = cpu + ["-ffreestanding", "-fno-builtin", "-fno-tree-loop-distribute-patterns", "-Wall", "-Werror"]
        var objects: [String] = []
        func compile(_ source: String, _ flags: [String]) throws {
            let object = dir.appendingPathComponent("\(objects.count).o").path
            let r = try runProcess(cc, flags + include + ["-c", source, "-o", object])
            guard r.status == 0 else { throw HarnessError("\(source): \(r.output)") }
            objects.append(object)
        }
        try compile(dir.appendingPathComponent("fe.c").path, CHarness.armFlags)
        try compile(dir.appendingPathComponent("main.c").path, cpu + ["-Wall", "-Werror"])
        try compile(Self.board.appendingPathComponent("mps2/startup.c").path, boardFlags)
        try compile(Self.board.appendingPathComponent("common/runtime.c").path, boardFlags)
        try compile(Self.board.appendingPathComponent("common/blobs.S").path,
                    cpu + ["-DMODEL_FILE=\"\(dir.appendingPathComponent("none.bin").path)\"",
                           "-DINPUT_FILE=\"\(dir.appendingPathComponent("samples.f32").path)\""])
        let elf = dir.appendingPathComponent("fe.elf").path
        let link = try runProcess(cc, cpu + ["-nostdlib", "-T", Self.board.appendingPathComponent("mps2/mps2.ld").path,
                                                           "-Wl,--gc-sections"] + objects + ["-lgcc", "-o", elf])
        guard link.status == 0 else { throw HarnessError("link: \(link.output)") }
        let run = try runProcess(CHarness.qemu!, ["-M", "mps2-an386", "-cpu", "cortex-m4", "-nographic", "-monitor", "none",
                                              "-serial", "none", "-chardev", "file,id=console,path=\(dir.appendingPathComponent("console.txt").path)",
                                              "-semihosting-config", "enable=on,target=native,chardev=console",
                                              "-icount", "shift=0", "-kernel", elf])
        let console = (try? String(contentsOf: dir.appendingPathComponent("console.txt"), encoding: .utf8)) ?? ""
        try #require(run.status == 0, "QEMU: \(run.output) \(console.prefix(500))")

        var swift = try CFrontEndHarness.swiftInputs(c, quantization: q, inputStride: 1, samples: samples, chunks: [c.hop])
        swift.inputs.removeLast(swift.inputs.count / 2)   // one pass, no reset
        swift.int8.removeLast(swift.int8.count / 2)
        let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
        let n = frontEnd.inputFloats
        let lines = console.split(separator: "\n").filter { $0.hasPrefix("input ") }
        #expect(lines.count * n == swift.inputs.count, "\(pipeline): \(lines.count) inputs on the device")
        for (i, line) in lines.enumerated() where (i + 1) * n <= swift.inputs.count {
            let expected = hex(Array(swift.inputs[i * n ..< (i + 1) * n]).withUnsafeBytes { Array($0) }) + " "
                + hex(swift.int8[i * n ..< (i + 1) * n].map { UInt8(bitPattern: $0) })
            #expect(line.dropFirst(6) == expected, "\(pipeline): input \(i) differs on Cortex-M4")
        }
        if let totals = console.split(separator: "\n").first(where: { $0.hasPrefix("append ") }) {
            let f = totals.split(separator: " ")
            let frames = (samples.count - c.frameLength) / c.hop + 1
            print("C front end \(pipeline) on cortex-m4: \(Int(f[1])! / frames) instructions/frame, "
                + "\(f[5]) instructions/input (worst, with int8)")
        }
    }
}
