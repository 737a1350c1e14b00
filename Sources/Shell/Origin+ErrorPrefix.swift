import Commands

extension Origin {
  /// The prefix of an error message: `FILE:LINE: `, or `trsh: ` / nothing.
  var errorPrefix: String {
    switch self {
    case .tty: return "error: "
    case .batch(let source, let line): return "\(source):\(line): "
    case .oneShot: return "trsh: "
    }
  }
}
