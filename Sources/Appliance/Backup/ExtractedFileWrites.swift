/// How `BackupArchive.extract` writes the database it extracts.
public enum ExtractedFileWrites: Sendable {
  /// Through the page cache, left there dirty: for a file about to be rewritten throughout (a
  /// legacy database the migration changes), where pages already under writeback would stall
  /// the rewrite or go out twice.
  case cached
  /// Through the page cache, writing back as it goes: the pages stay cached for later reads,
  /// and the final fsync finds little left to do.
  case writeback
  /// Straight to the disk (O_DIRECT) from two writers, bypassing the page cache: no copy into
  /// the cache, and the final fsync has only metadata left. For a file read little afterwards.
  /// Falls back to `writeback` where the file system refuses O_DIRECT.
  case direct
}
