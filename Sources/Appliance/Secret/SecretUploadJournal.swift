import Foundation

/// The journal of a `secret upload` in progress (`secret-upload.journal`): present from before
/// the fields are re-encrypted until the new secret is installed, so a later process can finish
/// or roll back an upload that died in between.
struct SecretUploadJournal: DurableRecord, Equatable {
  var oldFingerprint: String
  var newFingerprint: String
  var startedAt: String
}
