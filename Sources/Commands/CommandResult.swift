import Appliance
import Foundation

/// A command's result: encodable for `--json`, with a plain-text rendering for people.
public protocol CommandResult: Encodable {
  /// The text shown without `--json`; empty means nothing is printed.
  var text: String { get }
  /// Why the command failed although its result is shown in full (e.g. `ping overcast` with
  /// lost pings): the shell renders the result, then reports this on stderr and exits with its
  /// status. Nil for almost every result.
  var failure: ApplianceError? { get }
  /// What the command did, for the workflow gate to record as the workflow table says
  /// (`done` for almost every result).
  var workflowOutcome: WorkflowOutcome { get }
}

extension CommandResult {
  // Requirements with defaults rather than marker protocols: asking every result `as? P`
  // costs a scan of all protocol conformances in the binary on a one-shot command.
  public var failure: ApplianceError? { nil }
  public var workflowOutcome: WorkflowOutcome { .done }
}

/// A result that is just a line of text (`{"message": ...}` in JSON).
public struct Message: CommandResult {
  public var message: String
  public var workflowOutcome: WorkflowOutcome
  public init(_ message: String, outcome: WorkflowOutcome = .done) {
    self.message = message
    self.workflowOutcome = outcome
  }
  public var text: String { message }
  enum CodingKeys: String, CodingKey { case message }
}

/// A result with nothing to show.
public struct NoOutput: CommandResult {
  public init() {}
  public var text: String { "" }
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(true, forKey: .ok)
  }
  enum CodingKeys: String, CodingKey { case ok }
}

/// Rows under column headings, aligned for text and an array of objects in JSON.
public struct Table: CommandResult {
  public var columns: [String]
  public var rows: [[String]]
  /// Shown instead of an empty table.
  public var emptyText: String

  public init(columns: [String], rows: [[String]], emptyText: String = "(none)") {
    self.columns = columns
    self.rows = rows
    self.emptyText = emptyText
  }

  public var text: String {
    if rows.isEmpty { return emptyText }
    var widths = columns.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      var out = ""
      for (i, cell) in cells.enumerated() {
        let last = i == cells.count - 1
        out += last ? cell : cell.padded(to: widths[i] + 2)
      }
      return out
    }
    return ([line(columns)] + rows.map(line)).joined(separator: "\n")
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.unkeyedContainer()
    let keys = columns.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
    for row in rows {
      var object: [String: String] = [:]
      for (i, key) in keys.enumerated() where i < row.count { object[key] = row[i] }
      try c.encode(object)
    }
  }
}

/// Labelled values, one per line, labels aligned; a JSON object keyed by the labels.
public struct Fields: CommandResult {
  public var fields: [(label: String, value: String)]
  public init(_ fields: [(String, String)]) { self.fields = fields.map { ($0.0, $0.1) } }

  public var text: String {
    var width = 0
    for field in fields { width = max(width, field.label.count) }
    // Built as UTF-8 bytes, then one string: `show status` renders this for every line of a
    // runbook, and growing a String piece by piece cost more than the command.
    var out: [UInt8] = []
    out.reserveCapacity(fields.count * (width + 40))
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(UInt8(ascii: "\n")) }
      out.append(contentsOf: field.label.utf8)
      out.append(UInt8(ascii: ":"))
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width + 1 - field.label.count))
      out.append(contentsOf: field.value.utf8)
    }
    return String(decoding: out, as: UTF8.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: AnyKey.self)
    for field in fields {
      let key = field.label.lowercased().replacingOccurrences(of: " ", with: "_")
      try c.encode(field.value, forKey: AnyKey(key))
    }
  }
}

/// A coding key made from any string.
public struct AnyKey: CodingKey {
  public var stringValue: String
  public var intValue: Int? { nil }
  public init(_ string: String) { stringValue = string }
  public init?(stringValue: String) { self.stringValue = stringValue }
  public init?(intValue: Int) { nil }
}

/// A domain value shown as given text, and encoded as itself in JSON.
public struct Rendered<Value: Encodable>: CommandResult {
  public var value: Value
  public var text: String
  public var workflowOutcome: WorkflowOutcome
  public init(_ value: Value, text: String, outcome: WorkflowOutcome = .done) {
    self.value = value
    self.text = text
    self.workflowOutcome = outcome
  }
  public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
