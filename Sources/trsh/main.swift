import Shell

#if canImport(Glibc)
  import Glibc
#endif

exit(Launcher.main(Array(CommandLine.arguments.dropFirst())))
