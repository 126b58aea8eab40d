// npy: the one .npy codec (TinyFormats' NpyArray) and the runtime's tensors on it
// (`tinyml run --format npy`). An array either accepts must survive its writer: written back and
// read again, it is the same array.

import Foundation
import TinyFormats
import TinyRuntime

func fuzzNpy(_ input: [UInt8]) {
    if let array = try? NpyArray(npy: input) {
        let again = try? NpyArray(npy: array.fileBytes)
        fuzzCheck(again?.shape == array.shape && again?.payload == array.payload, "the written array reads back differently")
    }
    guard let tensor = try? NpyTensor.read(Data(input)) else { return }
    let again = try? NpyTensor.write(type: tensor.type, shape: tensor.shape, bytes: tensor.bytes)
    let back = again.flatMap { try? NpyTensor.read($0) }
    fuzzCheck(back?.type == tensor.type && back?.shape == tensor.shape && back?.bytes == tensor.bytes,
              "the written tensor reads back differently")
}
