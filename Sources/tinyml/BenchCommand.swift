import ArgumentParser
import Foundation
import TinyCLI
import TinyRuntime

/// `tinyml bench MODEL [--iterations N]`: per-inference latency of the core on one thread (a
/// benchmark, not a test). Prints one human line, or a JSON object with `--json`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time inference of a .tflite model on one thread.")

    @Argument(help: "The .tflite model.") var model: String
    @Option(help: "Timed inferences.") var iterations: Int = 1000
    @Option(help: "Untimed warm-up inferences.") var warmup: Int = 50
    @Flag(help: "Print a JSON object.") var json = false
    @Flag(help: "Also print time per operator.") var perOperator = false

    func run() throws {
        withToolErrors("tinyml bench") {
            guard iterations > 0, warmup >= 0 else { throw ToolError("--iterations must be positive") }
            let m = try Model(contentsOf: model)
            let session = Session(model: m)
            var rng = SystemRandomNumberGenerator()
            for (i, info) in m.inputs.enumerated() {
                try session.setInput(i, bytes: (0 ..< info.byteCount).map { _ in UInt8.random(in: 0 ... 255, using: &rng) })
            }
            for _ in 0 ..< warmup { session.invoke() }
            var samples: [Double] = []
            samples.reserveCapacity(iterations)
            for _ in 0 ..< iterations {
                let t0 = DispatchTime.now().uptimeNanoseconds
                session.invoke()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let mean = samples.reduce(0, +) / Double(samples.count)
            let minimum = samples[0]
            if json {
                print(JSONValue.object([
                    ("model", .string(model)), ("iterations", .int(iterations)),
                    ("median_ms", .number(median)), ("mean_ms", .number(mean)), ("min_ms", .number(minimum)),
                    ("arena_bytes", .int(session.arenaBytes)), ("persistent_bytes", .int(m.graph.persistentBytes)),
                    ("host_kernel_bytes", .int(m.graph.hostKernelBytes)), ("workspace_bytes", .int(m.graph.workspaceBytes)),
                    ("macs", .int(m.graph.multiplyAccumulates)),
                ]).text)
            } else {
                print("\(model): median \(String(format: "%.4f", median)) ms, mean \(String(format: "%.4f", mean)) ms, "
                    + "min \(String(format: "%.4f", minimum)) ms over \(iterations) runs; arena \(session.arenaBytes) B; "
                    + "persistent \(m.graph.persistentBytes) B + host SIMD kernels \(m.graph.hostKernelBytes) B "
                    + "+ workspace \(m.graph.workspaceBytes) B; \(m.graph.multiplyAccumulates) MACs")
            }
            if perOperator {
                let ops = m.graph.operators.count
                var totals = [Double](repeating: 0, count: ops)
                let rounds = max(1, iterations / 10)
                for _ in 0 ..< rounds {
                    for i in 0 ..< ops {
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        session.interpreter.evaluate(operatorAt: i)
                        totals[i] += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                    }
                }
                for i in 0 ..< ops {
                    let name = m.lite.operatorNames[i].padding(toLength: 18, withPad: " ", startingAt: 0)
                    print("  \(String(i).leftPad(3)) \(name) \(String(format: "%.4f", totals[i] / Double(rounds))) ms")
                }
            }
        }
    }
}
