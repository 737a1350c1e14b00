import Foundation

/// Finds the instance directory: `--instance DIR`, else `$TRSH_INSTANCE`, else `$XDG_DATA_HOME/trsh/default`.
public enum InstanceLocator {
  /// Resolves the instance directory without touching the file system.
  public static func resolve(explicit: String?, environment: [String: String]) -> URL {
    if let explicit, !explicit.isEmpty {
      return url(forPath: explicit, environment: environment)
    }
    if let fromEnv = environment["TRSH_INSTANCE"], !fromEnv.isEmpty {
      return url(forPath: fromEnv, environment: environment)
    }
    // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
    let dataHome: URL
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      dataHome = URL(fileURLWithPath: xdg, isDirectory: true)
    } else {
      dataHome = home(environment).appendingPathComponent(".local/share", isDirectory: true)
    }
    return dataHome.appendingPathComponent("trsh/default", isDirectory: true).standardizedFileURL
  }

  static func url(forPath path: String, environment: [String: String]) -> URL {
    var expanded = path
    if expanded == "~" || expanded.hasPrefix("~/") {
      expanded = home(environment).path + expanded.dropFirst()
    }
    let base = URL(
      fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    return URL(fileURLWithPath: expanded, isDirectory: true, relativeTo: base)
      .standardizedFileURL
  }

  static func home(_ environment: [String: String]) -> URL {
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true)
    }
    return FileManager.default.homeDirectoryForCurrentUser
  }
}
