import Commands

/// A scripted admin: answers questions and secret prompts from queues, and records everything a
/// command said (questions, prompts, notices, progress).
final class FakeInteraction: Interaction {
  /// Answers to `confirm`, in order.
  var confirmAnswers: [Bool] = []
  /// What the admin types at no-echo prompts, in order.
  var secrets: [String] = []
  /// Lines the admin types at `readLine`, in order.
  var lines: [String] = []
  /// Whether a person is there to ask (a terminal on stdin, for the real one).
  var canAsk = true

  private(set) var questions: [String] = []
  private(set) var secretPrompts: [String] = []
  private(set) var linePrompts: [String] = []
  private(set) var notices: [String] = []
  /// Lines a command showed while it ran (`emit`).
  private(set) var emitted: [String] = []
  private(set) var progressReports: [(done: Int, total: Int, label: String)] = []
  private(set) var progressEnded = 0

  func confirm(_ question: String) throws -> Bool {
    questions.append(question)
    guard !confirmAnswers.isEmpty else { throw UnscriptedQuestion(question) }
    return confirmAnswers.removeFirst()
  }

  func readSecret(_ prompt: String) throws -> String {
    secretPrompts.append(prompt)
    guard !secrets.isEmpty else { throw UnscriptedQuestion(prompt) }
    return secrets.removeFirst()
  }

  func readLine(_ prompt: String) throws -> String? {
    linePrompts.append(prompt)
    guard !lines.isEmpty else { throw UnscriptedQuestion(prompt) }
    return lines.removeFirst()
  }

  func progress(_ done: Int, of total: Int, label: String) {
    progressReports.append((done, total, label))
  }

  func progressDone() { progressEnded += 1 }

  func notice(_ text: String) { notices.append(text) }

  func emit(_ line: String) { emitted.append(line) }
}
