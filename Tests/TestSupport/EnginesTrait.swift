import AppliancePostgres
import ApplianceSQLite
import Testing

/// Registers the linked store engines before a suite's tests run, as `trsh`'s entry point
/// does (the domain never names an engine): `@Suite(.engines)`.
public struct EnginesTrait: SuiteTrait, TestTrait, TestScoping {
  public var isRecursive: Bool { true }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    SQLiteEngine.register()
    PostgresEngine.register()
    try await function()
  }
}

extension Trait where Self == EnginesTrait {
  /// The linked store engines, registered.
  public static var engines: Self { EnginesTrait() }
}
