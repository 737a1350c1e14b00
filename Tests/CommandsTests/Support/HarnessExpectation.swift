/// A harness expectation that did not hold (e.g. a command succeeded that should have failed).
struct HarnessExpectation: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
