import Foundation

/// Everything the appliance keeps in its database, independent of the engine (SQLite now, PostgreSQL later).
///
/// Sensitive values cross this boundary sealed (`Data`): the store never sees the Master Secret.
/// Every method is one transaction; writes that read first take the write lock up front
/// so that concurrent `trsh` processes never lose an update.
public protocol ApplianceStore: Sendable {
  /// The schema generation of the database (legacy 4.x or current 5.x).
  var generation: SchemaGeneration { get }

  func meta() throws -> InstanceMeta
  func setHostname(_ hostname: String) throws

  func counts() throws -> RecordCounts
  /// A value that changes whenever the stored data may have changed (this process's writes
  /// and other processes' commits alike): what cached summaries are keyed by.
  func changeToken() throws -> StoreChangeToken
  /// Row count per table.
  func tableCounts() throws -> [String: Int]
  /// Row count and content digest per table (engine bookkeeping tables excluded).
  func tableDigests() throws -> [String: TableDigest]

  func insertIncident(_ incident: Incident) throws
  func incident(id: Int64) throws -> Incident?
  func incidents(limit: Int, offset: Int) throws -> [Incident]

  func insertAlert(_ alert: Alert) throws
  func alert(id: Int64) throws -> Alert?
  func alerts(incidentId: Int64) throws -> [Alert]

  func insertQuarantineResult(_ result: QuarantineResult) throws
  func quarantineResults(alertId: Int64) throws -> [QuarantineResult]

  func insertList(_ list: ManagedList) throws
  func lists() throws -> [ManagedList]
  func insertListMember(_ member: ListMember) throws
  func listMembers(listId: Int64) throws -> [ListMember]

  func upsertUser(_ user: User) throws
  func users() throws -> [User]
  /// The built-in `admin` account.
  func systemUser() throws -> User?

  func putSetting(_ setting: Setting) throws
  /// Settings whose section is `section` or lies below it (`nil`: all), ordered by section and key.
  func settings(under section: String?) throws -> [Setting]
  /// 4.x settings kept by the migration, in their `Setup/...` paths (empty on a database never migrated).
  func legacySettings() throws -> [Setting]
  /// Writes `settings` and deletes the `deleting` rows in ONE transaction: all of it or none
  /// (a malformed row in the middle rolls back the rows already written).
  func writeSettings(_ settings: [Setting], deleting: [SettingPath]) throws

  func upsertLicense(_ license: License) throws
  func licenses() throws -> [License]
  /// Deletes a licence; false when the instance does not hold it.
  func removeLicense(_ key: LicenseKey) throws -> Bool
  /// Inserts or updates several licences in one transaction.
  func upsertLicenses(_ licenses: [License]) throws

  /// A free-form instance value in `meta` (Overcast settings), nil when unset.
  func metaValue(_ key: String) throws -> String?
  /// Sets (or with nil, removes) a free-form `meta` value.
  func setMetaValue(_ key: String, _ value: String?) throws

  func setProxy(_ proxy: ProxySettings?) throws
  func proxy() throws -> ProxySettings?

  func insertAlertSource(_ source: AlertSource) throws
  func alertSources() throws -> [AlertSource]
  func alertSource(named name: String) throws -> AlertSource?
  func alertSourceNames() throws -> [String]
  /// Enables or disables the named sources (`nil`: all) atomically; unknown names are a usage error.
  func setAlertSources(enabled: Bool, names: [String]?) throws -> [AlertSourceChange]
  func setAlertSourceCredentials(name: String, sealed: Data?) throws

  /// The upgrade workflow's current state name (`idle` until a transition is recorded).
  func workflowState() throws -> String
  /// Sets the workflow state and appends the transition to the history, atomically.
  @discardableResult
  func recordWorkflowTransition(to state: String, command: String, user: String, at: String)
    throws -> WorkflowTransition
  func workflowHistory() throws -> [WorkflowTransition]
  /// The persisted workflow machine (JSON of `Workflow`), nil until first saved.
  func workflowDocument() throws -> String?
  /// The saved machine's state name, nil until the machine is first saved.
  func savedWorkflowState() throws -> String?
  /// Saves the machine and its state name, and appends a transition, in one transaction.
  func saveWorkflow(document: String, state: String, transition: WorkflowTransition?) throws

  /// ISO-8601 time until which services are restarting, if a restart was requested.
  func servicesRestartingUntil() throws -> String?
  func setServicesRestartingUntil(_ time: String?) throws

  // Backup, restore and secret upload.

  /// Row counts of the named tables only.
  func tableCounts(of tables: Set<String>) throws -> [String: Int]
  /// Writes a consistent snapshot of the whole database as an archive body (the interchange
  /// image) to `url`; without incidents, their tables are emptied in the copy. Returns the
  /// copy's row counts.
  func snapshot(to url: URL, includeIncidents: Bool) throws -> [String: Int]
  /// Every encrypted field (credentials, secret settings, proxy password, API keys).
  func sealedFields() throws -> [SealedField]
  /// Re-seals every field `transform` returns new bytes for, in one transaction, and records
  /// `sealedUnder` (the secret's fingerprint) with it. Returns how many fields changed.
  func resealFields(sealedUnder: String?, _ transform: (SealedField) -> Data?) throws -> Int
  /// Remembers an uploaded file (`kind`: backup).
  func recordUpload(fileName: String, kind: String, size: Int64, sha256: String) throws
  /// The last uploaded file of a kind.
  func lastUpload(kind: String) throws -> String?
  /// Labels of the fields a restore without validation could not open.
  func unreadableFields() throws -> [String]
  /// Drops the unreadable marks `matches` accepts; returns the marks left.
  func clearUnreadableMarks(where matches: (String) -> Bool) throws -> [String]
  /// Replaces a source's credentials and clears its unreadable mark, in one transaction.
  func replaceAlertSourceCredentials(name: String, sealed: Data) throws -> CredentialsReentry
  /// Makes every committed change durable in the database itself and closes the connection
  /// (before a restore swaps the data).
  func close() throws
}
