import Foundation

/// Writes one line per request to stderr and, when configured, one JSON line to a file.
actor RequestLog {
  private let file: FileHandle?
  private let encoder: JSONEncoder

  init(path: String?) throws {
    if let path {
      if !FileManager.default.fileExists(atPath: path) {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
          throw CatalogError("cannot create request log \(path)")
        }
      }
      guard let handle = FileHandle(forWritingAtPath: path) else {
        throw CatalogError("cannot open request log \(path)")
      }
      handle.seekToEndOfFile()
      file = handle
    } else {
      file = nil
    }
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  func record(_ entry: RequestLogEntry) {
    var line = "\(entry.time) \(entry.method) \(entry.path) \(entry.status)"
    if let keys = entry.keys { line += " keys=\(keys)" }
    FileHandle.standardError.write(Data((line + "\n").utf8))
    if let file, var json = try? encoder.encode(entry) {
      json.append(UInt8(ascii: "\n"))
      file.write(json)
    }
  }
}
