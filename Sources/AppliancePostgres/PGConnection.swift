import Appliance
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// Where and as whom to connect (the password is held only in memory).
struct PGEndpoint: Sendable, Equatable {
  var host: String
  var port: Int
  var user: String
  var password: String?
  var database: String
  /// Tables live in this schema; restores build the next one beside it.
  var schema: String = PostgresSchema.live

  /// `host:port/database`, for messages (never the password).
  var label: String { "\(host):\(port)/\(database)" }
}

/// A blocking PostgreSQL connection: the store API is synchronous, so every call waits for
/// its result on the caller's thread (never an event loop thread).
///
/// Used by one thread at a time (the store's lock). A connection the server dropped (a
/// restart, a failover) is replaced before the next statement outside a transaction, and
/// the listeners are told, since notices may have been missed.
final class PGConnection: @unchecked Sendable {
  private var connection: PostgresConnection
  private let logger = Logger(label: "trsh.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
  let endpoint: PGEndpoint
  private let timeout: TimeAmount
  private var inTransaction = false
  private var listeners: [(channel: String, onNotice: @Sendable () -> Void)] = []
  /// Each connection's COPY runs on a thread of its own: two connections load at once.
  private let copyExecutor = BlockingExecutor(label: "trsh.postgres.copy")

  init(_ endpoint: PGEndpoint, timeout: TimeAmount = .seconds(10)) throws {
    self.endpoint = endpoint
    self.timeout = timeout
    connection = try Self.connect(endpoint, timeout: timeout)
  }

  private static func connect(_ endpoint: PGEndpoint, timeout: TimeAmount) throws
    -> PostgresConnection
  {
    let logger = Logger(label: "trsh.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    var config = PostgresConnection.Configuration(
      host: endpoint.host, port: endpoint.port, username: endpoint.user,
      password: endpoint.password, database: endpoint.database, tls: .disable)
    config.options.connectTimeout = timeout
    config.options.additionalStartupParameters = [
      ("search_path", endpoint.schema), ("application_name", "trsh"),
    ]
    do {
      return try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: config, id: 1,
        logger: logger
      ).wait()
    } catch {
      throw PGFailure.connect(endpoint, error)
    }
  }

  /// Replaces a connection the server closed; inside a transaction that is an error (the
  /// transaction is gone with it).
  private func ensureOpen() throws {
    guard connection.isClosed else { return }
    guard !inTransaction else {
      throw ApplianceError.failed(
        "the database at \(endpoint.label) closed the connection in the middle of a transaction:"
          + " nothing of it was committed")
    }
    connection = try Self.connect(endpoint, timeout: timeout)
    for listener in listeners {
      connection.addListener(channel: listener.channel) { _, _ in listener.onNotice() }
      _ = try connection.query(
        PostgresQuery(unsafeSQL: "LISTEN \(listener.channel)"), logger: logger
      ).wait()
      listener.onNotice()
    }
  }

  deinit { try? connection.close().wait() }

  func close() { try? connection.close().wait() }

  /// Runs one statement with `binds` ($1, $2, ...) and returns its rows.
  @discardableResult
  func query(_ sql: String, _ binds: [ArchiveValue] = []) throws -> [[ArchiveValue]] {
    try ensureOpen()
    do {
      let result = try connection.query(
        PostgresQuery(unsafeSQL: sql, binds: Self.bindings(binds)), logger: logger
      ).wait()
      return try result.rows.map { row in try row.map(Self.value) }
    } catch {
      throw PGFailure.query(endpoint, error)
    }
  }

  /// Sends `sql` now and returns its rows when asked (`RecordRows.append`): the server and
  /// the event loop work on the next page while the caller handles the last one.
  func send(_ sql: String) throws -> RecordRows {
    try ensureOpen()
    let query = PostgresQuery(unsafeSQL: sql)
    let future: EventLoopFuture<PostgresQueryResult> = connection.query(query, logger: logger)
    return RecordRows(future: future, endpoint: endpoint)
  }

  private static func bindings(_ binds: [ArchiveValue]) -> PostgresBindings {
    var bindings = PostgresBindings(capacity: binds.count)
    for value in binds {
      switch value {
      case .null: bindings.appendNull()
      case .integer(let v): bindings.append(v)
      case .real(let v): bindings.append(v)
      case .text(let v): bindings.append(v)
      case .blob(let v): bindings.append(ByteBuffer(bytes: v))
      }
    }
    return bindings
  }

  /// Calls `onNotice` for every notification on `channel` from now on (LISTEN is in effect
  /// when this returns).
  func listen(on channel: String, _ onNotice: @escaping @Sendable () -> Void) throws {
    connection.addListener(channel: channel) { _, _ in onNotice() }
    try query("LISTEN \(channel)")
    listeners.append((channel, onNotice))
  }

  /// Runs `sql`, statement after statement (each ends with `;` at the end of a line), no binds:
  /// PostgresNIO sends every query as a prepared statement, which holds one statement only.
  func execute(_ sql: String) throws {
    for statement in Self.statements(sql) { try query(statement) }
  }

  static func statements(_ sql: String) -> [String] {
    var result: [String] = []
    var current = ""
    for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
      current += line + "\n"
      if line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
        result.append(current)
        current = ""
      }
    }
    if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { result.append(current) }
    return result.flatMap { chunk in
      // Short `A; B` lines (BEGIN; SELECT ...) split too; DDL keeps one statement per line end.
      chunk.contains("'") ? [chunk] : chunk.split(separator: ";").map(String.init)
    }.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  /// `locked` first takes the instance's write lock, so read-then-write bodies serialise
  /// across processes the way SQLite's immediate transactions do.
  func transaction<T>(locked: Bool = false, _ body: () throws -> T) throws -> T {
    try query("BEGIN")
    inTransaction = true
    defer { inTransaction = false }
    do {
      if locked { try query("SELECT pg_advisory_xact_lock(\(Self.writeLock))") }
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The advisory lock id every read-then-write transaction of an instance takes.
  static let writeLock: Int64 = 0x7472_7368

  /// Streams `COPY table (columns) FROM STDIN (FORMAT binary[, FREEZE])` from `next` (nil:
  /// done); the chunks are COPY's binary format, header and trailer included.
  func copyInBinary(
    table: String, columns: [String], freeze: Bool,
    _ next: @escaping @Sendable () throws -> ByteBuffer?
  ) throws {
    try ensureOpen()
    let connection = self.connection
    let logger = self.logger
    let result = BlockingResult()
    // PostgresNIO 1.33's copyFrom offers the text format only, and documents that it puts
    // the table name into `COPY "<table>" ... FROM STDIN WITH (FORMAT text)` as given. The
    // binary statement is therefore passed as the "table": it closes the quote itself, names
    // the columns and options, and turns the library's text options into a comment.
    // (`table` and `columns` are this program's own identifiers, never user input.)
    let options = freeze ? "FORMAT binary, FREEZE" : "FORMAT binary"
    let statement =
      "\(table)\"(\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))"
      + " FROM STDIN WITH (\(options)) --"
    // PostgresNIO's COPY is async only: the caller's thread waits for a task that runs on its
    // own queue, so it needs no thread of the shared pool the caller may be blocking.
    Task(executorPreference: copyExecutor) {
      do {
        try await connection.copyFrom(table: statement, logger: logger) { writer in
          while let chunk = try next() { try await writer.write(chunk) }
        }
        result.finish(nil)
      } catch {
        result.finish(error)
      }
    }
    if let error = result.wait() { throw PGFailure.query(endpoint, error) }
  }

  /// A cell as an archive value: integers, reals, text and bytes as the image holds them.
  /// The common binary forms are read straight from the buffer (table digests read millions
  /// of cells; the generic decoder cost more than the server's work).
  static func value(_ cell: PostgresCell) throws -> ArchiveValue {
    guard var bytes = cell.bytes else { return .null }
    if cell.format == .binary {
      switch cell.dataType {
      case .int8:
        if let v = bytes.readInteger(as: Int64.self) { return .integer(v) }
      case .int4:
        if let v = bytes.readInteger(as: Int32.self) { return .integer(Int64(v)) }
      case .int2:
        if let v = bytes.readInteger(as: Int16.self) { return .integer(Int64(v)) }
      case .text, .varchar, .name:
        return .text(bytes.readString(length: bytes.readableBytes) ?? "")
      case .bytea:
        return .blob(Data(bytes.readableBytesView))
      default: break
      }
    }
    switch cell.dataType {
    case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
    case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
    case .float8, .float4: return .real(try cell.decode(Double.self))
    case .bytea:
      var buffer = try cell.decode(ByteBuffer.self)
      return .blob(Data(buffer.readBytes(length: buffer.readableBytes) ?? []))
    default: return .text(try cell.decode(String.self))
    }
  }
}

/// The rows of a query sent ahead, each one record (`PGConnection.send`).
struct RecordRows {
  let future: EventLoopFuture<PostgresQueryResult>
  let endpoint: PGEndpoint

  /// Waits for the rows and appends the records' fields to `rows`; returns the row count.
  func append(into rows: ArchiveRowBuffer, table: String) throws -> Int {
    let result: PostgresQueryResult
    do {
      result = try future.wait()
    } catch {
      throw PGFailure.query(endpoint, error)
    }
    for row in result.rows {
      for cell in row {
        guard var record = cell.bytes, cell.format == .binary else {
          throw ApplianceError.failed("the database sent a row of \(table) that is not a record")
        }
        try BinaryRecord.parse(&record, columns: rows.columns, into: rows, table: table)
      }
    }
    return result.rows.count
  }
}

/// Waits on one thread for a result another thread sets.
private final class BlockingResult: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var error: (any Error)?

  func finish(_ error: (any Error)?) {
    self.error = error
    done.signal()
  }

  func wait() -> (any Error)? {
    done.wait()
    return error
  }
}

/// Runs a connection's COPY tasks on a private serial queue (a thread of its own),
/// never on the cooperative pool, which the blocked callers may be holding.
private final class BlockingExecutor: TaskExecutor {
  private let queue: DispatchQueue

  init(label: String) { queue = DispatchQueue(label: label) }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
