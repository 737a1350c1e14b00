import Foundation
import TestSupport
import Testing

@testable import Appliance

#if canImport(Glibc)
  import Glibc
#endif

/// Files commands are given are opened without blocking: a named pipe never stalls `open()`.
@Suite(.engines) struct InputFileTests {
  @Test func readsRegularFilesAndPipesWithAWriter() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.path("value")
    try Data("hello\n".utf8).write(to: URL(fileURLWithPath: file))
    #expect(try InputFile.read(file, what: "the value file") == Data("hello\n".utf8))
    let fifo = dir.path("pipe")
    try #require(mkfifo(fifo, 0o600) == 0)
    // Held open for writing with data waiting, then closed: read to the end.
    let writer = open(fifo, O_RDWR | O_NONBLOCK)
    try #require(writer >= 0)
    _ = "piped".withCString { write(writer, $0, 5) }
    let reading = Thread {
      usleep(300_000)
      close(writer)
    }
    reading.start()
    #expect(try InputFile.read(fifo, what: "the value file") == Data("piped".utf8))
  }

  @Test func aPipeWithNoWriterGivesNothingAtOnce() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let fifo = dir.path("pipe")
    try #require(mkfifo(fifo, 0o600) == 0)
    let started = Date()
    #expect {
      try InputFile.read(fifo, what: "the secret file")
    } throws: { error in
      (error as? ApplianceError)?.message.contains("nothing came through the pipe") == true
    }
    #expect(Date().timeIntervalSince(started) < 2)
  }

  @Test func archivesMustBeRegularFiles() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let fifo = dir.path("pipe")
    try #require(mkfifo(fifo, 0o600) == 0)
    for path in [fifo, dir.url.path, "/dev/null"] {
      #expect {
        try InputFile.openRegular(path, what: "the backup")
      } throws: { error in
        let error = error as? ApplianceError
        return error?.kind == .validation && error?.message.contains("not a regular file") == true
      }
    }
    #expect(throws: ApplianceError.self) { try InputFile.read(dir.url.path, what: "the value") }
  }

  @Test func cancellationEndsTheWaitForASlowWriter() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let fifo = dir.path("pipe")
    try #require(mkfifo(fifo, 0o600) == 0)
    let writer = open(fifo, O_RDWR | O_NONBLOCK)  // a writer that never writes
    try #require(writer >= 0)
    defer { close(writer) }
    let flag = CancellationFlag()
    let canceller = Thread {
      usleep(300_000)
      flag.cancel()
    }
    canceller.start()
    let started = Date()
    #expect(throws: ApplianceError.cancelled) {
      try InputFile.read(fifo, what: "the secret file", cancel: flag)
    }
    #expect(Date().timeIntervalSince(started) < 3)
  }
}
