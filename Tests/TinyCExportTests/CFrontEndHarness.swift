import Foundation
import TinyCExport
import TinyDSP
import TinyTestSupport

/// Builds a generated C front end with gcc under the strictest C99 flags together with a driver
/// that streams a float32 sample file through it in chunks of the given sizes (cycled), twice with a
/// reset between, and writes every input (floats) and, with a quantizer, its int8 form.
struct CFrontEndHarness {
    let frontEnd: CFrontEnd
    let directory: URL
    let executable: URL

    init(_ frontEnd: CFrontEnd) throws {
        self.frontEnd = frontEnd
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-cfrontend-\(UUID().uuidString)")
        try frontEnd.write(to: directory.path)
        let driver = directory.appendingPathComponent("driver.c")
        try Self.driver(frontEnd).write(to: driver, atomically: true, encoding: .utf8)
        executable = directory.appendingPathComponent("driver")
        let result = try runProcess(CHarness.compiler ?? "gcc", CHarness.flags + [
            driver.path, directory.appendingPathComponent("\(frontEnd.name).c").path, "-o", executable.path,
        ])
        if result.status != 0 { throw HarnessError("C compile failed:\n\(result.output)") }
    }

    /// Compiles the front end for Cortex-M4 (arm-none-eabi-gcc, `CHarness.armFlags`); the compiler's output on failure.
    func compileForCortexM4() throws -> String? {
        guard let arm = CHarness.armCompiler else { return nil }
        let result = try runProcess(arm, CHarness.armFlags + ["-c", directory.appendingPathComponent("\(frontEnd.name).c").path,
                                                              "-o", directory.appendingPathComponent("cortex-m4.o").path])
        return result.status == 0 ? nil : result.output
    }

    /// Every input of `samples` streamed in `chunks` (cycled), twice (the second run after a reset).
    func run(_ samples: [Float], chunks: [Int]) throws -> (inputs: [Float], int8: [Int8]) {
        let sampleFile = directory.appendingPathComponent("samples.f32"), chunkFile = directory.appendingPathComponent("chunks.i32")
        let floatFile = directory.appendingPathComponent("inputs.f32"), int8File = directory.appendingPathComponent("inputs.s8")
        try samples.withUnsafeBytes { Data($0) }.write(to: sampleFile)
        try chunks.map { Int32($0) }.withUnsafeBytes { Data($0) }.write(to: chunkFile)
        let result = try runProcess(executable.path, [sampleFile.path, chunkFile.path, floatFile.path, int8File.path])
        if result.status != 0 { throw HarnessError("driver failed (\(result.status)): \(result.output)") }
        let floats = try Data(contentsOf: floatFile).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        let int8 = try Data(contentsOf: int8File).withUnsafeBytes { Array($0.bindMemory(to: Int8.self)) }
        return (floats, int8)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static func driver(_ f: CFrontEnd) -> String {
        let n = f.name, m = f.name.uppercased()
        return """
            #include <stdio.h>
            #include <stdlib.h>
            #include "\(n).h"

            static float input[\(m)_INPUT_FLOATS];
            static int8_t quantized[\(m)_INPUT_FLOATS];

            static long read_all(const char *path, void **data)
            {
                FILE *file = fopen(path, "rb");
                long size;
                if (!file || fseek(file, 0, SEEK_END) != 0 || (size = ftell(file)) < 0 || fseek(file, 0, SEEK_SET) != 0) exit(3);
                *data = malloc((size_t)size + 1);
                if (!*data || fread(*data, 1, (size_t)size, file) != (size_t)size) exit(3);
                fclose(file);
                return size;
            }

            int main(int argc, char **argv)
            {
                float *samples;
                int32_t *chunks;
                long count, chunk_count, pass;
                FILE *floats, *int8s;
                if (argc != 5) return 2;
                count = read_all(argv[1], (void **)&samples) / (long)sizeof(float);
                chunk_count = read_all(argv[2], (void **)&chunks) / (long)sizeof(int32_t);
                floats = fopen(argv[3], "wb");
                int8s = fopen(argv[4], "wb");
                if (!floats || !int8s || chunk_count == 0) return 3;
                for (pass = 0; pass < 2; ++pass) {
                    long position = 0, next = 0;
                    if (pass > 0) \(n)_reset();
                    while (position < count) {
                        int32_t chunk = chunks[next++ % chunk_count], used = 0;
                        if (chunk > count - position) chunk = (int32_t)(count - position);
                        while (used < chunk) {
                            used += \(n)_append(samples + position + used, chunk - used);
                            if (\(n)_has_input()) {
                                \(n)_take_input(input);
                                if (fwrite(input, sizeof input, 1, floats) != 1) return 4;
            \(f.quantizes ? "                    \(n)_quantize(input, quantized);\n                    if (fwrite(quantized, sizeof quantized, 1, int8s) != 1) return 4;" : "                    (void)quantized;")
                            }
                        }
                        position += chunk;
                    }
                }
                return fclose(floats) == 0 && fclose(int8s) == 0 ? 0 : 5;
            }

            """
    }

    /// What the Swift device front end gives: `StreamingFrontEnd<PortableRealFFT>` on the same
    /// samples in the same chunks, twice (reset between), and the quantizer's int8 of each input.
    static func swiftInputs(_ c: FrontEndConfiguration, quantization: Int8Quantizer?, inputStride: Int, samples: [Float],
                            chunks: [Int]) throws -> (inputs: [Float], int8: [Int8]) {
        let frontEnd = try StreamingFrontEnd(configuration: c, fft: try PortableRealFFT(size: c.fftSize), inputStride: inputStride)
        var input = [Float](repeating: 0, count: frontEnd.inputCount)
        var floats: [Float] = [], int8: [Int8] = []
        for pass in 0 ..< 2 {
            if pass > 0 { frontEnd.reset() }
            var position = 0, next = 0
            samples.withUnsafeBufferPointer { s in
                while position < s.count {
                    let chunk = min(chunks[next % chunks.count], s.count - position)
                    next += 1
                    var used = 0
                    while used < chunk {
                        used += frontEnd.append(UnsafeBufferPointer(rebasing: s[(position + used) ..< (position + chunk)]))
                        if frontEnd.hasInput {
                            input.withUnsafeMutableBufferPointer { frontEnd.takeInput(into: $0.baseAddress!) }
                            floats += input
                            if let q = quantization { int8 += input.map { q.quantize($0) } }
                        }
                    }
                    position += chunk
                }
            }
        }
        return (floats, int8)
    }
}
