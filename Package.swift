// swift-tools-version: 6.0
// TinyMLSuite: embedded-ML reference pipelines (features -> int8 core -> decisions), one Swift
// source for host and MCU. Dependencies point one way (each target declares exactly what it imports):
//   portable:  TinyCore; TinyLite -> TinyCore; TinyDSP; TinyPipeline -> (TinyCore, TinyDSP)
//   host:      TinyFormats (JSON reader, .npy/.npz, CRC-32, SHA-256; Foundation only); TinyIO -> CSndFile;
//              TinyFeatures -> (CFFTW, TinyDSP, TinyFormats, TinyIO); TinyRuntime -> (TinyCore, TinyFormats, TinyLite);
//              TinyCExport -> (TinyCore, TinyDSP, TinyPipeline, TinyRuntime)
//   pipelines (KeywordSpotting, MotorAnomaly, GestureRecognition, WildlifeSounds) -> (TinyFeatures, TinyIO,
//              TinyPipeline, TinyRuntime, TinyDSP/TinyCore/TinyFormats as used) -> PipelineCatalog
//   TinyBoards (board fit, reports) -> (PipelineCatalog, TinyCExport, TinyCore, TinyFormats, TinyRuntime)
//   TinyCLI -> (TinyFeatures, ArgumentParser); executables -> TinyCLI and the layers they import
// TinyCore, TinyLite, TinyDSP and TinyPipeline import nothing outside themselves, so they also
// compile as Embedded Swift (the firmware in Embedded/ links them).
import PackageDescription

let package = Package(
    name: "TinyMLSuite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tinyml", targets: ["tinyml"]),
        .executable(name: "kws-demo", targets: ["kws-demo"]),
        .executable(name: "anomaly-monitor", targets: ["anomaly-monitor"]),
        .executable(name: "gesture-demo", targets: ["gesture-demo"]),
        .executable(name: "wildlife-demo", targets: ["wildlife-demo"]),
        .library(name: "TinyCore", targets: ["TinyCore"]),
        .library(name: "TinyLite", targets: ["TinyLite"]),
        .library(name: "TinyDSP", targets: ["TinyDSP"]),
        .library(name: "TinyPipeline", targets: ["TinyPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: libsndfile1-dev libfftw3-dev pkg-config).
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f",
                       providers: [.apt(["libfftw3-dev"])]),

        // Portable, import-free layers (host + Embedded Swift).
        .target(name: "TinyCore"),
        .target(name: "TinyLite", dependencies: ["TinyCore"]),
        .target(name: "TinyDSP"),
        // The four pipelines' streaming decision paths (front end → int8 model → post-processing),
        // one engine shape for host tools and firmware.
        .target(name: "TinyPipeline", dependencies: ["TinyCore", "TinyDSP"]),

        // Host layers.
        // File formats every host layer shares (Foundation only): the strict JSON reader, the
        // .npy/.npz codec, CRC-32 and SHA-256.
        .target(name: "TinyFormats"),
        .target(name: "TinyIO", dependencies: ["CSndFile"]),
        .target(name: "TinyFeatures", dependencies: ["CFFTW", "TinyDSP", "TinyFormats", "TinyIO"]),
        .target(name: "TinyRuntime", dependencies: ["TinyCore", "TinyFormats", "TinyLite"]),
        // C99 export; its fixed C (kernels, front end) lives in real files, embedded in the tool as byte arrays.
        .target(name: "TinyCExport", dependencies: ["TinyCore", "TinyDSP", "TinyPipeline", "TinyRuntime"],
                resources: [.embedInCode("C")]),
        .target(name: "TinyBoards", dependencies: ["TinyCExport", "TinyCore", "TinyFormats", "TinyRuntime", "PipelineCatalog"]),

        // Pipelines.
        .target(name: "KeywordSpotting", dependencies: ["TinyDSP", "TinyFeatures", "TinyIO", "TinyPipeline", "TinyRuntime"]),
        .target(name: "MotorAnomaly", dependencies: ["TinyCore", "TinyFeatures", "TinyFormats", "TinyIO", "TinyPipeline", "TinyRuntime"]),
        .target(name: "GestureRecognition", dependencies: ["TinyDSP", "TinyFeatures", "TinyIO", "TinyPipeline", "TinyRuntime"]),
        .target(name: "WildlifeSounds", dependencies: ["TinyDSP", "TinyFeatures", "TinyIO", "TinyPipeline", "TinyRuntime"]),

        // Any pipeline file by its format: engine configuration, device image, board overrides.
        .target(name: "PipelineCatalog", dependencies: ["KeywordSpotting", "MotorAnomaly", "GestureRecognition", "WildlifeSounds",
                                                        "TinyFormats", "TinyPipeline"]),

        // Shared command-line plumbing (errors, progress, JSON lines, SVG reports).
        .target(name: "TinyCLI", dependencies: [
            "TinyFeatures",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Executables (thin).
        .executableTarget(name: "tinyml", dependencies: [
            "TinyCLI", "TinyCore", "TinyDSP", "TinyFeatures", "TinyFormats", "TinyIO", "TinyRuntime", "TinyBoards", "TinyCExport",
            "KeywordSpotting", "MotorAnomaly", "GestureRecognition", "WildlifeSounds", "PipelineCatalog",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kws-demo", dependencies: [
            "TinyCLI", "KeywordSpotting", "TinyFeatures", "TinyIO",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "anomaly-monitor", dependencies: [
            "TinyCLI", "MotorAnomaly", "TinyFeatures", "TinyIO", "TinyPipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "gesture-demo", dependencies: [
            "TinyCLI", "GestureRecognition", "TinyDSP", "TinyIO",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "wildlife-demo", dependencies: [
            "TinyCLI", "WildlifeSounds", "TinyFeatures",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks (not tests): Benchmarks/features_vs_librosa.py drives this.
        .executableTarget(name: "features-bench", dependencies: ["TinyDSP", "TinyFeatures"],
                          path: "Benchmarks/FeaturesBench"),

        // Test-only helpers (repo root, fixtures, dataset locations).
        .target(name: "TinyTestSupport", path: "Sources/TinyTestSupport"),

        // Tests.
        .testTarget(name: "TinyCoreTests", dependencies: ["TinyTestSupport", "TinyCore", "TinyLite", "TinyRuntime"]),
        .testTarget(name: "TinyDSPTests", dependencies: ["TinyTestSupport", "TinyDSP", "TinyFeatures", "TinyFormats", "TinyIO"]),
        .testTarget(name: "TinyIOTests", dependencies: ["TinyTestSupport", "CSndFile", "TinyIO"]),
        .testTarget(name: "KeywordSpottingTests", dependencies: ["TinyTestSupport", "TinyPipeline", "KeywordSpotting", "TinyIO", "TinyFeatures", "TinyRuntime"]),
        .testTarget(name: "MotorAnomalyTests", dependencies: ["TinyTestSupport", "TinyPipeline", "TinyCore", "MotorAnomaly", "TinyRuntime", "TinyIO", "TinyFeatures"]),
        .testTarget(name: "GestureRecognitionTests", dependencies: ["TinyTestSupport", "TinyPipeline", "GestureRecognition", "TinyCLI", "TinyFeatures", "TinyFormats", "TinyDSP", "TinyIO", "TinyRuntime"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "WildlifeSoundsTests", dependencies: ["TinyTestSupport", "TinyPipeline", "WildlifeSounds", "TinyIO"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TinyFormatsTests", dependencies: ["TinyTestSupport", "TinyFormats"]),
        .testTarget(name: "TinyCLITests", dependencies: ["TinyTestSupport", "TinyCLI"]),
        .testTarget(name: "TinyBoardsTests", dependencies: ["TinyTestSupport", "TinyBoards", "TinyFormats", "TinyRuntime"]),
        .testTarget(name: "TinyCExportTests", dependencies: ["TinyTestSupport", "TinyCExport", "TinyCore", "TinyDSP",
                                                             "TinyFeatures", "TinyIO", "TinyRuntime", "TinyPipeline",
                                                             "PipelineCatalog"]),
    ]
)
