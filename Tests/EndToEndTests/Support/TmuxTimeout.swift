/// A bounded wait on the pane ran out: what was awaited, and the pane as last captured.
struct TmuxTimeout: Error, CustomStringConvertible {
  var waitingFor: String
  var seconds: Double
  var pane: String

  var description: String {
    "no \(waitingFor) on the terminal after \(Int(seconds)) s; the pane showed:\n\(pane)"
  }
}
