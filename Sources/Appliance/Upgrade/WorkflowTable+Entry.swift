extension WorkflowTable {
  /// One action's part of the table: the event its success records, and the rows deciding
  /// whether it may run (the first row that applies decides).
  public struct Entry: Sendable, Equatable {
    public var action: WorkflowAction.Kind
    public var records: Record
    public var recordedBy: Recorder
    /// The event is recorded only while this holds (nil: always).
    public var recordedWhen: Condition?
    public var rows: [Row]

    public init(
      _ action: WorkflowAction.Kind, records: Record, by recorder: Recorder = .gate,
      when condition: Condition? = nil, _ rows: [Row]
    ) {
      self.action = action
      self.records = records
      self.recordedBy = recorder
      self.recordedWhen = condition
      self.rows = rows
    }
  }
}
