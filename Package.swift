// swift-tools-version:6.0
import PackageDescription

// The encoder's numeric kernels are optimised even in debug builds (so `swift test` runs the model in
// seconds), and on x86-64 they use AVX2 and FMA: without FMA in the target, SIMD multiply-add becomes a
// library call per lane. `SentenceEncoder` checks the processor at load time and refuses a CPU without them.
#if arch(x86_64)
let encoderSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"]), .define("RANKSCOPE_FMA")]
#else
let encoderSettings: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
#endif

// The engine gets the same settings: its vector kernels (similarities, HNSW traversal) use SIMD8 with FMA,
// and tests build HNSW graphs of thousands of vectors, which unoptimised SIMD code would make slow.
let engineSettings = encoderSettings

let package = Package(
  name: "Rankscope",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "rankscope", targets: ["rankscope"]),
    .library(name: "RankscopeEngine", targets: ["RankscopeEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw",
                   providers: [.apt(["libncurses-dev"])]),
    .target(name: "CRankscopeKernels", path: "Sources/CRankscopeKernels"),
    .target(name: "RankscopeEngine", dependencies: ["CRankscopeKernels"], path: "Sources/RankscopeEngine",
            swiftSettings: engineSettings),
    .target(name: "RankscopeEncoder", path: "Sources/RankscopeEncoder", swiftSettings: encoderSettings),
    .target(name: "RankscopeSampleWorld", path: "Sources/RankscopeSampleWorld"),
    .target(name: "RankscopeUI", dependencies: ["RankscopeEngine"], path: "Sources/RankscopeUI"),
    .target(name: "RankscopeTerminal", dependencies: ["RankscopeUI", "RankscopeEngine", "CNcursesw"],
            path: "Sources/RankscopeTerminal"),
    .executableTarget(
      name: "rankscope",
      dependencies: [
        "RankscopeEngine", "RankscopeEncoder", "RankscopeUI", "RankscopeTerminal", "RankscopeSampleWorld",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/rankscope"),
    .testTarget(name: "RankscopeEngineTests", dependencies: ["RankscopeEngine"],
                path: "Tests/RankscopeEngineTests", exclude: ["Fixtures"]),
    .testTarget(name: "RankscopeEncoderTests", dependencies: ["RankscopeEncoder"],
                path: "Tests/RankscopeEncoderTests"),
    .testTarget(name: "RankscopeSampleWorldTests", dependencies: ["RankscopeSampleWorld", "RankscopeEngine"],
                path: "Tests/RankscopeSampleWorldTests"),
    .testTarget(name: "RankscopeUITests", dependencies: ["RankscopeUI", "RankscopeEngine"],
                path: "Tests/RankscopeUITests", exclude: ["__Snapshots__"]),
    .testTarget(name: "RankscopeEndToEndTests", dependencies: ["RankscopeEngine", "rankscope"],
                path: "Tests/RankscopeEndToEndTests", exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
