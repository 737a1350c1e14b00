import Foundation

/// Where the instance directory is: `--instance`, `$TRSH_INSTANCE`, `$XDG_DATA_HOME/trsh/default`.
public enum InstancePath {
  public static func resolve(explicit: String?, environment: [String: String]) -> URL {
    if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
    if let env = environment["TRSH_INSTANCE"], !env.isEmpty { return URL(fileURLWithPath: env) }
    let data =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    return URL(fileURLWithPath: data).appendingPathComponent("trsh/default")
  }
}
