/// A failure of the test harness itself (a helper that could not start), not of the code under test.
struct TestSupportError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
