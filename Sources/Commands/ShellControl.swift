/// Thrown by `exit`/`quit` to end the session with a status.
public struct ShellExit: Error, Sendable {
  public var status: Int32
  public init(status: Int32) { self.status = status }
}
