import Appliance
import Foundation

/// Where a proxy password comes from: never an argument, so it stays out of argv, history and the audit log.
enum ProxyPassword {
  static let variable = "TRSH_PROXY_PASSWORD"

  /// A file's first line, else `$TRSH_PROXY_PASSWORD`, else a no-echo prompt on a terminal.
  static func read(user: String, file: String? = nil, in context: CommandContext) throws -> String {
    if let file {
      let data = try InputFile.read(file, what: "the password file", cancel: context.cancellation)
      let text = String(decoding: data, as: UTF8.self)
      let line = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      let password = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
      guard !password.isEmpty else {
        throw ApplianceError.failed("the password file \(file) is empty")
      }
      return password
    }
    if let password = context.environment[variable], !password.isEmpty { return password }
    guard context.interaction.canAsk else {
      throw ApplianceError.usage(
        "the proxy password for user \(user) is needed: set $\(variable)\(file == nil ? "" : " or use --password-file") (no terminal to ask on)"
      )
    }
    return try context.interaction.readSecret("Proxy password for \(user): ")
  }

  /// The proxy given on the command line, with its password when `--proxy-user` asks for one.
  static func proxy(hostPort: String?, user: String?, in context: CommandContext) throws
    -> OvercastProxy?
  {
    guard let hostPort else {
      if user != nil { throw ApplianceError.usage("--proxy-user needs --proxy HOST:PORT") }
      return nil
    }
    var proxy = try OvercastProxy(hostPort: hostPort)
    if let user {
      proxy.username = user
      proxy.password = try read(user: user, in: context)
    }
    return proxy
  }
}
