import ApplianceSQLite
import Shell

#if canImport(Glibc)
  import Glibc
#endif

// The composition root: the engines this program links (SQLite, the default).
SQLiteEngine.register()
exit(Launcher.main(Array(CommandLine.arguments.dropFirst())))
