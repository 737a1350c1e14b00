// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "trsh",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "trsh", targets: ["trsh"]),
    .executable(name: "overcastd", targets: ["overcastd"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(
      name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(name: "CLinuxIO"),
    .target(name: "LineEditor", dependencies: ["CEditLine"]),
    .target(
      name: "Appliance",
      dependencies: [
        "CZstd",
        "CLinuxIO",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // The embedded SQLite engine behind `ApplianceStore` (and the archive body's format).
    .target(
      name: "ApplianceSQLite",
      dependencies: [
        "Appliance",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The PostgreSQL engine: an instance's own server (or a managed one) through PostgresNIO.
    .target(
      name: "AppliancePostgres",
      dependencies: [
        "Appliance",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "Commands",
      dependencies: [
        "Appliance",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(
      name: "Shell",
      dependencies: [
        "Commands", "LineEditor", "Appliance",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "trsh", dependencies: ["Shell", "ApplianceSQLite", "AppliancePostgres"]),
    .executableTarget(
      name: "overcastd",
      dependencies: [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["README.md"]),
    .executableTarget(
      name: "trsh-docgen",
      dependencies: [
        "Commands", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/trsh-docgen"),
    .executableTarget(
      name: "trsh-bench", dependencies: ["Shell", "Commands", "ApplianceSQLite"],
      path: "Benchmarks/TrshBench"),
    // Fixtures shared by the test targets (not shipped).
    .target(
      name: "TestSupport", dependencies: ["ApplianceSQLite", "AppliancePostgres"],
      path: "Tests/TestSupport"),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(
      name: "ApplianceTests",
      dependencies: [
        "Appliance",
        "ApplianceSQLite",
        "AppliancePostgres",
        "TestSupport",
        // Schema checks read the migrated database directly.
        .product(name: "GRDB", package: "GRDB.swift"),
        // The Overcast error classifier tests build the errors these libraries throw.
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]),
    .testTarget(name: "CommandsTests", dependencies: ["Commands", "Appliance", "TestSupport"]),
    .testTarget(name: "ShellTests", dependencies: ["Shell", "TestSupport"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "Appliance", "ApplianceSQLite", "Commands", "TestSupport", "trsh", "overcastd",
        "trsh-docgen",
      ]),
  ]
)
