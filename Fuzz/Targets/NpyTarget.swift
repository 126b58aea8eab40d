// npy: the .npy reader (`tinyml run --format npy`). An array it accepts must survive the writer:
// written back and read again, it is the same array.

import Foundation
import TinyRuntime

func fuzzNpy(_ input: [UInt8]) {
    guard let array = try? NpyTensor.read(Data(input)) else { return }
    let again = try? NpyTensor.read(NpyTensor.write(type: array.type, shape: array.shape, bytes: array.bytes))
    fuzzCheck(again?.type == array.type && again?.shape == array.shape && again?.bytes == array.bytes,
              "the written array reads back differently")
}
