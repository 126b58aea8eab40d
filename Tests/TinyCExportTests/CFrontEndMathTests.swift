import Foundation
import Testing
import TinyDSP
import TinyTestSupport

/// The front end's scalar C math (`tml_fe_math.h`, compiled on the host, so its portable integer
/// square roots) against what Swift computes, bit for bit, on special values and hundreds of
/// thousands of random bit patterns: Float/Double `squareRoot()`, `PortableMath.naturalLog` on Float
/// and Double, `PortableMath.exponential`, and `Int8Quantizer`'s three rounding rules
/// (`tml_fe_quantize_f32_s8`). NaNs compare as NaNs.
@Suite(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"))
struct CFrontEndMathTests {
    static let source = TestPaths.repoRoot.appendingPathComponent("Sources/TinyCExport/C/frontend")

    static let driver = """
        #include <stdio.h>
        #include <stdlib.h>
        #define TML_FE_STATIC
        #include "tml_fe.h"
        #include "tml_fe_math.h"
        #include "tml_fe_quantize_f32_s8.c"

        /* argv[1]: f32 or f64 or q; then the input and output files. */
        int main(int argc, char **argv)
        {
            FILE *in, *out;
            if (argc != 4 || !(in = fopen(argv[2], "rb")) || !(out = fopen(argv[3], "wb"))) return 2;
            if (argv[1][0] == 'q') {
                float x;
                int8_t q[3];
                const tml_fe_quantizer rules[3] = {{1.0f, 0, TML_FE_HALF_TO_EVEN, -128, 127},
                                                   {1.0f, 0, TML_FE_HALF_AWAY_FROM_ZERO, -128, 127},
                                                   {1.0f, 0, TML_FE_HALF_UP, -128, 127}};
                while (fread(&x, sizeof x, 1, in) == 1) {
                    int r;
                    for (r = 0; r < 3; ++r) tml_fe_quantize_f32_s8(&rules[r], &x, &q[r], 1);
                    fwrite(q, 1, 3, out);
                }
            } else if (argv[1][2] == '2') {
                float x, y[2];
                while (fread(&x, sizeof x, 1, in) == 1) {
                    y[0] = tml_fe_sqrtf(x);
                    y[1] = tml_fe_lnf(x);
                    fwrite(y, sizeof y, 1, out);
                }
            } else {
                double x, y[3];
                while (fread(&x, sizeof x, 1, in) == 1) {
                    y[0] = tml_fe_sqrt(x);
                    y[1] = tml_fe_ln(x);
                    y[2] = tml_fe_exp(x);
                    fwrite(y, sizeof y, 1, out);
                }
            }
            return fclose(out) == 0 ? 0 : 3;
        }

        """

    static func run<T>(_ mode: String, _ inputs: [T]) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-femath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = dir.appendingPathComponent("math.c"), exe = dir.appendingPathComponent("math")
        try driver.write(to: c, atomically: true, encoding: .utf8)
        let build = try runProcess(CHarness.compiler!, CHarness.flags + ["-I", source.path, c.path, "-o", exe.path])
        guard build.status == 0 else { throw HarnessError("compile failed: \(build.output)") }
        let input = dir.appendingPathComponent("in"), output = dir.appendingPathComponent("out")
        try inputs.withUnsafeBytes { Data($0) }.write(to: input)
        let result = try runProcess(exe.path, [mode, input.path, output.path])
        guard result.status == 0 else { throw HarnessError("driver failed: \(result.output)") }
        return [UInt8](try Data(contentsOf: output))
    }

    static func same(_ a: Float, _ b: Float) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    @Test func floatSquareRootAndLog() throws {
        var g = SplitMix(seed: 7)
        var xs: [Float] = [0, -0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
                           Float.leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, 2, 4, 0.25, 1e-6, 1e-12]
        while xs.count < 400_000 { xs.append(Float(bitPattern: UInt32(truncatingIfNeeded: g.next()))) }
        let out = try Self.run("f32", xs).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        try #require(out.count == 2 * xs.count)
        var bad = 0
        for (i, x) in xs.enumerated() {
            if !Self.same(out[2 * i], x.squareRoot()) || !Self.same(out[2 * i + 1], PortableMath.naturalLog(x)) {
                bad += 1
                if bad < 5 { Issue.record("x = \(x) (\(String(x.bitPattern, radix: 16))): C \(out[2 * i]), \(out[2 * i + 1])") }
            }
        }
        #expect(bad == 0)
    }

    @Test func doubleSquareRootLogAndExponential() throws {
        var g = SplitMix(seed: 11)
        var xs: [Double] = [0, -0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
                            .greatestFiniteMagnitude, 1e-10, 709.8, 709.8.nextUp, 709.78, 709.79, -745.2, -745.2.nextDown,
                            -745.13, -744.5, -708.4, -709.1, 1.4142135623730951, 1.4142135623730951.nextUp]
        while xs.count < 150_000 { xs.append(Double(bitPattern: g.next())) }
        while xs.count < 300_000 { xs.append(Double(g.next() >> 11) / Double(1 << 53) * 1480 - 760) }   // exp's range
        let out = try Self.run("f64", xs).withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
        try #require(out.count == 3 * xs.count)
        var bad = 0
        for (i, x) in xs.enumerated() {
            let swift = [x.squareRoot(), PortableMath.naturalLog(x), PortableMath.exponential(x)]
            for f in 0 ..< 3 where !Self.same(out[3 * i + f], swift[f]) {
                bad += 1
                if bad < 5 { Issue.record("x = \(x): function \(f): C \(out[3 * i + f]), Swift \(swift[f])") }
            }
        }
        #expect(bad == 0)
    }

    @Test func quantizerRoundings() throws {
        var g = SplitMix(seed: 3)
        var xs: [Float] = [.nan, .infinity, -.infinity, 0, -0, 127.5, 126.5, -128.5, -127.5, 1e9, -1e9]
        for k in -140 ... 140 { xs += [Float(k) + 0.5, Float(k) - 0.5, (Float(k) + 0.5).nextUp, (Float(k) + 0.5).nextDown] }
        while xs.count < 50_000 { xs.append(Float(Double(g.next() >> 11) / Double(1 << 53) * 300 - 150)) }
        let out = try Self.run("q", xs).map { Int8(bitPattern: $0) }
        try #require(out.count == 3 * xs.count)
        let rules = try [RoundingRule.halfToEven, .halfAwayFromZero, .halfUp].map { try Int8Quantizer(scale: 1, zeroPoint: 0, rounding: $0) }
        var bad = 0
        for (i, x) in xs.enumerated() {
            for r in 0 ..< 3 where out[3 * i + r] != rules[r].quantize(x) {
                bad += 1
                if bad < 5 { Issue.record("x = \(x), rule \(r): C \(out[3 * i + r]), Swift \(rules[r].quantize(x))") }
            }
        }
        #expect(bad == 0)
    }
}
