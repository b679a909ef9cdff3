// swift-tools-version:6.0
import PackageDescription

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
    .target(name: "RankscopeEngine", path: "Sources/RankscopeEngine"),
    // The encoder's numeric kernels are optimised even in debug builds, so `swift test` runs the model in
    // seconds rather than minutes.
    .target(name: "RankscopeEncoder", path: "Sources/RankscopeEncoder",
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
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
