import FirmwareBoard
import TinyCore
import TinyLite

/// The model half of the firmware: loads the linked-in .tflite with TinyLite (unchanged), prepares
/// the TinyCore interpreter, runs every test input case and prints what the host compares with
/// `tinyml run` (Embedded/check.sh):
///
///     load instructions <N>
///     constants in place <bytes> copied <bytes>
///     io <input bytes per case> <output bytes per case>
///     case <i> instructions <N> output <hex bytes>
///     operator <k> <NAME> instructions <N>        (per operator, first case, run again one by one)
///     arena <bytes> heap <peak bytes> stack <peak bytes>
///
/// With no test inputs linked in it loads the model and runs it once on the zeroed arena, whatever
/// its inputs (Fuzz/replay-embedded.sh).
enum ModelRun {
    static func run(model bytes: UnsafeRawBufferPointer) -> Never {
        let loadStart = board_instructions()
        let (interpreter, operatorNames, mapped, copied) = load(bytes)
        print("load instructions \(board_instructions() - loadStart)")
        print("constants in place \(mapped) copied \(copied)")
        let graph = interpreter.graph
        if firmware_input_size() == 0 {
            interpreter.invoke()
            print("smoke run done")
            board_exit(0)
        }
        guard graph.inputs.count == 1, graph.outputs.count == 1 else {
            print("firmware: error: the harness runs models with one input and one output")
            board_exit(2)
        }
        let inputBytes = graph.tensors[graph.inputs[0]].byteCount
        let outputBytes = graph.tensors[graph.outputs[0]].byteCount
        let inputSize = Int(firmware_input_size())
        print("io \(inputBytes) \(outputBytes)")
        guard inputBytes > 0, inputSize > 0, inputSize % inputBytes == 0 else {
            print("firmware: error: \(inputSize) input bytes are not whole cases of \(inputBytes) bytes")
            board_exit(2)
        }
        let input = interpreter.tensorData(graph.inputs[0])
        let output = UnsafeRawBufferPointer(start: interpreter.tensorData(graph.outputs[0]), count: outputBytes)
        for c in 0 ..< inputSize / inputBytes {
            input.copyMemory(from: firmware_input() + c * inputBytes, byteCount: inputBytes)
            let start = board_instructions()
            interpreter.invoke()
            let instructions = board_instructions() - start
            print("case \(c) instructions \(instructions) output ", terminator: "")
            Firmware.printHex(output)
        }
        input.copyMemory(from: firmware_input(), byteCount: inputBytes)
        for k in 0 ..< graph.operators.count {
            let start = board_instructions()
            interpreter.evaluate(operatorAt: k)
            print("operator \(k) \(operatorNames[k]) instructions \(board_instructions() - start)")
        }
        print("arena \(interpreter.plan.arenaBytes) heap \(board_heap_peak()) stack \(board_stack_peak())")
        board_exit(0)
    }

    /// Parses the .tflite where it lies (flash) and prepares the interpreter; the kernels read the
    /// weights from the .tflite in flash (`ConstantPlacement.inPlace`), so RAM holds only what
    /// loading computes or had to copy. Exits with status 2 when the model does not load.
    static func load(_ bytes: UnsafeRawBufferPointer) -> (Interpreter, [String], mapped: Int, copied: Int) {
        do {
            let model = try loadLiteModel(bytes, math: .portable, constants: .inPlace)
            return (Interpreter(graph: model.graph), model.operatorNames, model.mappedConstantBytes, model.copiedConstantBytes)
        } catch {
            print("firmware: error: the model does not load (\(LoadFailure(error).name))")
            board_exit(2)
        }
    }
}
