import Foundation
import TestSupport
import Testing

@testable import Shell

@Suite(.engines) struct ProcessEnvironmentTests {
  @Test func matchesFoundationsView() {
    setenv("TRSH_ENV_TEST", "a=b c", 1)
    defer { unsetenv("TRSH_ENV_TEST") }
    let ours = ProcessEnvironment.current()
    #expect(ours["TRSH_ENV_TEST"] == "a=b c")
    #expect(ours == ProcessInfo.processInfo.environment)
  }
}
