/// The part of an archive a reader is in, so errors can say where a file ends or breaks.
enum BackupSection: String, Sendable {
  case preamble = "the preamble"
  case header = "the header"
  case body = "the body"
  case trailer = "the trailer"
}
