// trsh-bench: in-process timings of the shell's hot paths (completion, lexing, dispatch).
// Run with `swift run -c release trsh-bench` (or `make bench`); prints medians.
import ApplianceSQLite
import Commands
import Foundation
import Shell

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func measure(_ label: String, iterations: Int = 2000, _ body: () -> Void) {
  for _ in 0..<50 { body() }  // warm-up
  var samples: [UInt64] = []
  samples.reserveCapacity(iterations)
  for _ in 0..<iterations {
    let t0 = now()
    body()
    samples.append(now() - t0)
  }
  samples.sort()
  let median = Double(samples[samples.count / 2]) / 1000
  let p99 = Double(samples[samples.count * 99 / 100]) / 1000
  print(String(format: "| %@ | %.1f µs | %.1f µs |", label, median, p99))
}

let catalog = CommandCatalog(root: TrshCommand.self)
let tmp = FileManager.default.temporaryDirectory.path
let completer = Completer(
  catalog: catalog,
  providerContext: ProviderContext(instancePath: URL(fileURLWithPath: tmp), environment: [:]),
  workingDirectory: tmp)
_ = completer.complete("show ")  // loads the tool-info model once, as the first Tab does

print("| what | median | p99 |")
print("|---|---:|---:|")
for line in ["", "sh", "show ", "sh ver", "show version --j", "echo hi; sh", "help "] {
  measure("Tab candidates for `\(line)`") { _ = completer.complete(line) }
}
measure("lex `echo 'a b' \"c\" d # x`") { _ = try? Lexer.split("echo 'a b' \"c\" d # x") }
measure("resolve + parse `sh ver`") {
  if let r = try? catalog.resolve(["sh", "ver"]) {
    _ = try? TrshCommand.parseAsRoot(r.path + r.arguments)
  }
}
let t0 = now()
let fresh = CommandCatalog(root: TrshCommand.self)
_ = fresh.root.children.first?.arguments
print(
  String(format: "\nFirst Tab (tool-info model decoded once): %.2f ms", Double(now() - t0) / 1e6))
