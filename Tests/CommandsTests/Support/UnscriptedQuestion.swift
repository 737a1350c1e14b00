/// A command asked the fake admin something the test did not script an answer for.
struct UnscriptedQuestion: Error, CustomStringConvertible {
  var prompt: String
  init(_ prompt: String) { self.prompt = prompt }
  var description: String { "unscripted question: \(prompt)" }
}
