import Foundation

/// What a running restore leaves in the instance directory (`restore.marker`), so that a later
/// process finding it with the restore lock free can tell what the dead restorer was doing.
struct RestoreMarker: DurableRecord, Equatable {
  /// Written into the new database's meta before the swap: finding it in the live database
  /// proves the swap happened.
  var restoreId: String
  var pid: Int32
  var startedAt: String
  var backupFile: String
  /// The half-built database beside the live one (a file name in the instance directory).
  var scratchName: String
}
