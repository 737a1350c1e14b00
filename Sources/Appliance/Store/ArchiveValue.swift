import Foundation

/// One value of an archive image row, typed as the interchange image stores it.
public enum ArchiveValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob(Data)
}
