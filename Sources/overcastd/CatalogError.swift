/// A catalogue file that cannot be used; its message names the file and the problem.
struct CatalogError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
