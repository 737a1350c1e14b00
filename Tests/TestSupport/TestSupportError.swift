/// A failure of the test harness itself (a helper that could not start), not of the code under test.
public struct TestSupportError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
