/// Receives progress of long operations; the shell draws a bar on a terminal, tests ignore it.
public protocol ProgressSink: Sendable {
  /// Called from the working thread, at most a few hundred times per operation.
  func progress(_ done: Int, of total: Int, label: String)
}
