import Foundation
import TestSupport

/// Finds the `overcastd` built beside the test bundle, and runs its `make-ca`.
enum OvercastdExecutable {
  /// `$OVERCASTD`, else the build directory holding this test binary, else `.build/debug`.
  static func path() throws -> String {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["OVERCASTD"] {
      candidates.append(override)
    }
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("overcastd").path)
    if let argv0 = CommandLine.arguments.first {
      candidates.append(
        URL(fileURLWithPath: argv0).deletingLastPathComponent().appendingPathComponent("overcastd")
          .path)
    }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug/overcastd").path)
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw TestSupportError(
      "overcastd not found (looked at \(candidates.joined(separator: ", "))); run `swift build --build-tests` first"
    )
  }

  /// Runs `overcastd make-ca` into `directory`, returning its PEM file paths.
  static func makeCA(
    in directory: TemporaryDirectory, name: String = "pki", hostnames: [String] = []
  ) throws
    -> TestPKI
  {
    let out = directory.path(name)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try path())
    process.arguments = ["make-ca", "--out", out] + hostnames.flatMap { ["--hostname", $0] }
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw TestSupportError("overcastd make-ca exited with \(process.terminationStatus)")
    }
    return TestPKI(directory: out)
  }
}
