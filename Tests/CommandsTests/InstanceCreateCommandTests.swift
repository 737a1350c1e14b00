import Appliance
import Foundation
import TestSupport
import Testing

@testable import Commands

/// `instance create DIR --version V` records the version asked, or refuses it with the list.
@Suite(.engines) struct InstanceCreateCommandTests {
  @Test(arguments: [
    ("4.6", "4.6", SchemaGeneration.legacy), ("4.x", "4.6.2", .legacy), ("4.0.3", "4.0.3", .legacy),
    ("5.x", "5.1.0", .current), ("5.6", "5.6", .current),
  ])
  func createsTheVersionAsked(asked: String, recorded: String, generation: SchemaGeneration)
    throws
  {
    let harness = CommandHarness()
    let directory = harness.directory.file("new")
    let json = try #require(
      try harness.json("instance", "create", directory, "--version", asked, "--hostname", "labbox")
        as? [String: Any])
    #expect(json["applianceVersion"] as? String == recorded)
    #expect(json["hostname"] as? String == "labbox")
    let made = try Instance.open(at: URL(fileURLWithPath: directory), createIfMissing: false)
    #expect(try made.store().meta().applianceVersion == recorded)
    #expect(try made.store().generation == generation)
  }

  @Test(arguments: ["3.9", "4.7", "6.0", "5.x.1", "latest", ""])
  func refusesAnyOtherVersion(asked: String) throws {
    let harness = CommandHarness()
    let directory = harness.directory.file("new")
    let error = try harness.failure("instance", "create", directory, "--version", asked)
    #expect(error.kind == .usage)
    #expect(error.message.contains("unsupported appliance version '\(asked)'"))
    #expect(error.message.contains("4.0 to 4.6"))
    #expect(!FileManager.default.fileExists(atPath: directory))
  }

  @Test func refusesADirectoryInUse() throws {
    let harness = CommandHarness()
    try harness.createInstance()
    let error = try harness.failure("instance", "create", harness.instancePath.path)
    #expect(error.kind == .usage)
    #expect(error.message.contains("already exists and is not empty"))
  }
}
