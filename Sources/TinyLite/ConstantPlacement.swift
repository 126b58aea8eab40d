/// Where `loadLiteModel` leaves a model's constant tensors (weights, biases).
public enum ConstantPlacement: Sendable, Equatable {
    /// Copied into the graph's own block (`ConstantData.owned`): the file bytes may go away after
    /// loading. The host's choice.
    case copied
    /// Read where they lie in the file (`ConstantData.mapped`), which must then stay valid and
    /// unchanged while the graph, its copies and interpreters over it are used — a .tflite linked
    /// into flash, so RAM holds none of the weights. A tensor whose data address is not a multiple
    /// of its element size (flatbuffer buffers are only 4-byte aligned unless the writer forced
    /// more; the TFLite converter aligns them to 16) is copied instead, as are constants folded at
    /// load time: `LiteModel.copiedConstantBytes` says how much.
    case inPlace
}
