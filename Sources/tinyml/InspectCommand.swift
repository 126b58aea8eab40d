import ArgumentParser
import TinyCLI
import TinyCore
import TinyRuntime

/// `tinyml inspect MODEL.tflite`: operators, tensors with shapes and quantization, MACs, weight
/// bytes, the planned arena against its lower bound, persistent bytes, and unsupported operators
/// (all of them at once, as a one-line error).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a .tflite model's operators, tensors, MACs and planned memory.")

    @Argument(help: "The .tflite model.") var model: String
    @Flag(help: "Also list every tensor.") var tensors = false

    func run() throws {
        withToolErrors("tinyml inspect") {
            let m = try Model(contentsOf: model)
            let g = m.graph
            let plan = g.planArena()
            print("model: \(model)")
            if !m.lite.description.isEmpty { print("description: \(m.lite.description)") }
            for (i, t) in m.inputs.enumerated() { print("input \(i): \(t)") }
            for (i, t) in m.outputs.enumerated() { print("output \(i): \(t)") }
            print("operators (\(g.operators.count)):")
            for (i, op) in g.operators.enumerated() {
                let ins = g.operatorInputs[i].map(String.init).joined(separator: ",")
                let outs = g.operatorOutputs[i].map(String.init).joined(separator: ",")
                let name = m.lite.operatorNames[i].padding(toLength: 18, withPad: " ", startingAt: 0)
                let macs = op.multiplyAccumulates > 0 ? "  MACs \(op.multiplyAccumulates)" : ""
                print("  \(String(i).leftPad(3)) \(name) [\(ins)] -> [\(outs)]\(macs)")
            }
            if !m.lite.foldedOperators.isEmpty {
                print("resolved at load time: " + m.lite.foldedOperators.joined(separator: ", "))
            }
            if tensors {
                print("tensors (\(g.tensors.count)):")
                for (i, t) in g.tensors.enumerated() {
                    var quant = ""
                    if let q = t.quantization {
                        quant = q.isPerChannel ? " per-channel(\(q.scales.count), dim \(q.dimension))"
                            : " scale \(q.scale) zp \(q.zeroPoint)"
                    }
                    let place: String
                    switch t.storage {
                    case .constant, .mapped: place = "const"
                    case .activation: place = plan.offsets[i] >= 0 ? "arena@\(plan.offsets[i])" : "unused"
                    }
                    print("  \(String(i).leftPad(3)) \(t.name) \(t.shape) \(t.type.name)\(quant) \(t.byteCount) B \(place)")
                }
            }
            print("MACs: \(g.multiplyAccumulates)")
            print("weight bytes: \(g.weightBytes)")
            print("constant bytes: \(g.constants.owned.count) (weights, biases and other constant tensors in one block, read in place by the kernels; a device reads them from the .tflite in flash instead)")
            print("persistent bytes: \(g.persistentBytes) (per output channel: bias with the input offset folded in, multiplier, shifts; 16 B each, kept with the prepared model outside the arena)")
            let activations = g.planArena(includeScratch: false)
            let bound = activations.lowerBound
            let over = bound > 0 ? Double(plan.arenaBytes - bound) / Double(bound) * 100 : 0
            print("arena bytes: \(plan.arenaBytes) (activation lower bound \(bound), +\(String(format: "%.1f", over))%; "
                + "activations alone plan to \(activations.arenaBytes); kernel scratch included)")
            print("unsupported operators: none")
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
