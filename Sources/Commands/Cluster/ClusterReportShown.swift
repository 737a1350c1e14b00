import Appliance
import Foundation

/// How a cluster action's report reads: its steps and how long it took.
enum ClusterReportShown {
  static func result(_ report: ClusterActionReport) -> any CommandResult {
    var lines = report.steps.map { "  \($0)" }
    lines.insert(
      "cluster \(report.action) done in \(String(format: "%.1f", report.seconds)) s"
        + (report.primary.map { "; primary: \($0)" } ?? ""), at: 0)
    return Rendered(report, text: lines.joined(separator: "\n"))
  }
}
