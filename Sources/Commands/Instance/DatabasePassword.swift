import Appliance
import Foundation

/// The password of a managed database: a file, the environment or a no-echo prompt, never an
/// argument (argv, history and the audit log never see it). Nil: connect without one.
enum DatabasePassword {
  static let variable = "TRSH_DATABASE_PASSWORD"

  static func read(file: String?, in context: CommandContext) throws -> String? {
    if let file {
      let data = try InputFile.read(file, what: "the password file", cancel: context.cancellation)
      let line =
        String(decoding: data, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      let password = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
      guard !password.isEmpty else {
        throw ApplianceError.failed("the password file \(file) is empty")
      }
      return password
    }
    if let password = context.environment[variable], !password.isEmpty { return password }
    guard context.interaction.canAsk else { return nil }
    let password = try context.interaction.readSecret("Database password (Enter for none): ")
    return password.isEmpty ? nil : password
  }
}
