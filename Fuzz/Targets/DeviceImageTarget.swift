// device-image: the binary images a device links into flash (`tinyml export --target image` and
// `--target frontend`), read in place as the firmware reads them: a pipeline image, a front-end
// image, a sensor-window image (each reader checks its own magic first). The model bytes a
// pipeline image carries are the tflite target's.

import TinyDSP
import TinyPipeline

func fuzzDeviceImage(_ input: [UInt8]) {
    input.withUnsafeBytes { bytes in
        _ = try? PipelineImage(bytes: bytes)
        _ = try? FrontEndImage(bytes: bytes)
        _ = try? SensorWindowImage(bytes: bytes)
    }
}
