import Appliance

/// The shell's exit statuses (DESIGN.md section 6).
public enum ExitStatus {
  public static let ok: Int32 = 0
  public static let failed: Int32 = 1
  public static let usage: Int32 = 2
  public static let refused: Int32 = 3
  public static let validation: Int32 = 4
  public static let connectivity: Int32 = 5
  public static let interrupted: Int32 = 130

  /// The status for a classified domain failure.
  public static func of(_ kind: ApplianceError.Kind) -> Int32 {
    switch kind {
    case .failed: return failed
    case .usage: return usage
    case .refused: return refused
    case .validation: return validation
    case .connectivity: return connectivity
    case .cancelled: return interrupted
    }
  }

  /// The failure kind whose status is `status` (`failed` for any other): a nested command's
  /// status carried over as an error (`upgrade next --run`).
  public static func kind(of status: Int32) -> ApplianceError.Kind {
    ApplianceError.Kind.allCases.first { of($0) == status } ?? .failed
  }
}
