import AppliancePostgres
import ApplianceSQLite
import Shell

#if canImport(Glibc)
  import Glibc
#endif

// The composition root: the engines this program links (SQLite, the default, then PostgreSQL).
SQLiteEngine.register()
PostgresEngine.register()
exit(Launcher.main(Array(CommandLine.arguments.dropFirst())))
