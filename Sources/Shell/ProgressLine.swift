/// The progress display's line, laid out to fit the terminal: a line wider than the terminal
/// wraps, and `\r` then only goes back to its last row, leaving the others behind.
enum ProgressLine {
  /// `label [####....] 42% ETA 1:05`, at most `columns - 3` wide, so that neither the cursor
  /// nor the `^C` the terminal echoes on Ctrl-C wraps the row: the bar shrinks first (at most
  /// 30), then goes, then the label is cut.
  static func text(label: String, fraction: Double, eta: String, columns: Int) -> String {
    let room = max(1, columns - 3)
    let suffix = " \(Int(fraction * 100))%" + (eta.isEmpty ? "" : " ETA \(eta)")
    let barWidth = min(30, room - label.count - suffix.count - 3)
    if barWidth >= 5 {
      let filled = Int(fraction * Double(barWidth))
      let bar =
        String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
      return "\(label) [\(bar)]\(suffix)"
    }
    let line = label + suffix
    if line.count <= room { return line }
    // Too narrow even for that: keep the numbers, cut the label.
    let keep = max(0, room - suffix.count)
    return String((String(label.prefix(keep)) + suffix).prefix(room))
  }

  /// Takes the cursor back to where a line of `length` columns began and clears from there. If
  /// the terminal was narrowed since it was drawn, it rewrapped the line over several rows.
  static func clear(length: Int, columns: Int) -> String {
    let rows = columns > 0 && length > columns ? (length - 1) / columns : 0
    return "\r" + (rows > 0 ? "\u{1B}[\(rows)A" : "") + "\u{1B}[J"
  }
}
