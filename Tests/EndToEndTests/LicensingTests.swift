import Foundation
import TestSupport
import Testing

/// `ping overcast`, `license ...` and `overcast ...` against a real overcastd (and tinyproxy) on loopback.
@Suite(.serialized, .engines) struct LicensingTests {
  static let proxyUser = "licensing"
  static let proxyPassword = "Pr0xy-S3cret-7c1f"

  /// A 5.x instance trusting the server's test CA and pointed at it.
  func instance(_ home: TempDir, server: Overcastd, version: String = "5.1", sample: Int = 0)
    throws -> String
  {
    let dir = home.file("instance")
    var create = ["instance", "create", dir, "--version", version]
    if sample > 0 { create += ["--sample-data", "\(sample)", "--seed", "3"] }
    let made = try trsh(create, home: home)
    #expect(made.status == 0, "\(made.stderr)")
    let ca = try trsh(
      ["--instance", dir, "overcast", "ca", "set", server.caCertificate], home: home)
    #expect(ca.status == 0, "\(ca.stderr)")
    let url = try trsh(["--instance", dir, "overcast", "url", "set", server.url], home: home)
    #expect(url.status == 0, "\(url.stderr)")
    return dir
  }

  func licenses(_ dir: String, home: TempDir) throws -> [[String: String]] {
    let r = try trsh(["--instance", dir, "license", "list", "--json"], home: home)
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
    return rows.map { $0.compactMapValues { $0 as? String } }
  }

  @Test func pingSucceedsWithOneLinePerAttemptAndASummary() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    let r = try trsh(
      ["--instance", dir, "ping", "overcast", "--count", "2", "--interval", "0"], home: home)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.filter { $0.hasPrefix("pong: seq=") && $0.hasSuffix(" ms") }.count == 2)
    #expect(r.stdout.contains("2 requests transmitted, 2 received, 0% loss"))
    #expect(r.stdout.contains("rtt min/avg/max/mdev = "))
    #expect(server.requests.filter { $0.contains("/v1/ping") }.count == 2)
  }

  @Test func environmentURLOverridesTheStoredOne() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    let closed = try LoopbackSocket.freePort()
    let r = try trsh(
      ["--instance", dir, "ping", "overcast", "--count", "1"], home: home,
      environment: ["TRSH_OVERCAST_URL": "https://127.0.0.1:\(closed)"])
    #expect(r.status == 5)
    #expect(r.stderr.contains("connection refused by 127.0.0.1:\(closed)"), "\(r.stderr)")
    let show = try trsh(
      ["--instance", dir, "overcast", "url", "show", "--json"], home: home,
      environment: ["TRSH_OVERCAST_URL": "https://127.0.0.1:\(closed)"])
    #expect(show.stdout.contains("\"source\" : \"$TRSH_OVERCAST_URL\""), "\(show.stdout)")
    #expect(show.stdout.contains("\"storedURL\" : \"\(server.url)\""), "\(show.stdout)")
  }

  @Test func wrongCAIsATLSFailure() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    #expect(try trsh(["--instance", dir, "overcast", "ca", "clear"], home: home).status == 0)
    let r = try trsh(["--instance", dir, "ping", "overcast", "--count", "1"], home: home)
    #expect(r.status == 5)
    #expect(r.stdout.contains("1 requests transmitted, 0 received, 100% loss"))
    #expect(r.stderr.contains("TLS failure"), "\(r.stderr)")
    #expect(r.stderr.contains("unknown CA"), "\(r.stderr)")
  }

  @Test func refusedAndTimeoutAreReportedDistinctly() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    let closed = try LoopbackSocket.freePort()
    let refused = try trsh(
      ["--instance", dir, "ping", "overcast", "--count", "1", "--timeout", "2"], home: home,
      environment: ["TRSH_OVERCAST_URL": "https://127.0.0.1:\(closed)"])
    #expect(refused.status == 5)
    #expect(refused.stderr.contains("connection refused"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("timed out"))
    // A listener that never accepts or answers: the TLS handshake cannot finish.
    let silent = try LoopbackSocket(listening: true)
    defer { silent.close() }
    let timeout = try trsh(
      ["--instance", dir, "ping", "overcast", "--count", "1", "--timeout", "1"], home: home,
      environment: ["TRSH_OVERCAST_URL": "https://127.0.0.1:\(silent.port)"])
    #expect(timeout.status == 5)
    #expect(timeout.stderr.contains("timed out after 1"), "\(timeout.stderr)")
    #expect(!timeout.stderr.contains("connection refused"))
  }

  @Test(.enabled(if: Tinyproxy.isInstalled))
  func pingThroughAnAuthenticatingProxy() throws {
    let server = try Overcastd()
    defer { server.stop() }
    let proxy = try Tinyproxy(
      user: Self.proxyUser, password: Self.proxyPassword, connectPort: server.port)
    defer { proxy.stop() }
    let home = TempDir()
    let dir = try instance(home, server: server)
    let args = [
      "--instance", dir, "ping", "overcast", "--count", "2", "--interval", "0", "--proxy",
      proxy.address, "--proxy-user", Self.proxyUser,
    ]
    let good = try trsh(
      args, home: home, environment: ["TRSH_PROXY_PASSWORD": Self.proxyPassword])
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stdout.contains("via proxy \(proxy.address) (user \(Self.proxyUser))"))
    #expect(good.stdout.contains("2 requests transmitted, 2 received, 0% loss"))
    let bad = try trsh(args, home: home, environment: ["TRSH_PROXY_PASSWORD": "wrong"])
    #expect(bad.status == 5)
    #expect(bad.stderr.contains("requires authentication"), "\(bad.stderr)")
    // No password and no terminal to ask on: a clear error, nothing sent.
    let none = try trsh(args, home: home, environment: ["TRSH_PROXY_PASSWORD": ""])
    #expect(none.status == 2)
    #expect(none.stderr.contains("TRSH_PROXY_PASSWORD"), "\(none.stderr)")
    for output in [good.stdout, good.stderr, bad.stdout, bad.stderr] {
      #expect(!output.contains(Self.proxyPassword))
    }
  }

  /// Catalogue of a 4.6 sample instance's keys: two valid, one expired, one revoked, the rest unknown.
  ///
  /// A 4.6 (old appliance) instance, because the workflow refuses `license validate` on a fresh 5.x
  /// instance until the backup is restored (the restore would bring other keys).
  func validationSetup(_ home: TempDir) throws -> (Overcastd, String, [String]) {
    let probe = TempDir()
    let keysDir = probe.file("keys")
    let made = try trsh(
      ["instance", "create", keysDir, "--version", "4.6", "--sample-data", "5", "--seed", "3"],
      home: probe)
    #expect(made.status == 0, "\(made.stderr)")
    let keys = try licenses(keysDir, home: probe).compactMap { $0["key"] }
    #expect(keys.count >= 5)
    let server = try Overcastd(catalog: [
      .init(key: keys[0]),
      .init(key: keys[1], product: "Threat Response Cluster", expires: "2098-06-30"),
      .init(key: keys[2], expires: "2020-01-31"), .init(key: keys[3], revoked: true),
    ])
    let dir = try instance(home, server: server, version: "4.6", sample: 5)
    #expect(try licenses(dir, home: home).compactMap { $0["key"] } == keys)
    return (server, dir, keys)
  }

  @Test func validateMovesKeysToInstalledAndInvalid() throws {
    let home = TempDir()
    let (server, dir, keys) = try validationSetup(home)
    defer { server.stop() }
    let r = try trsh(["--instance", dir, "license", "validate"], home: home)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Installed (Threat Response Enterprise, expires 2099-12-31)"))
    #expect(!r.stdout.contains(keys[0]), "keys are shown masked")
    let after = Dictionary(
      uniqueKeysWithValues: try licenses(dir, home: home).map { ($0["key"] ?? "", $0) })
    #expect(after[keys[0]]?["state"] == "Installed")
    #expect(after[keys[0]]?["product"] == "Threat Response Enterprise")
    #expect(after[keys[0]]?["expires"] == "2099-12-31")
    #expect(after[keys[1]]?["product"] == "Threat Response Cluster")
    #expect(after[keys[1]]?["expires"] == "2098-06-30")
    #expect(after[keys[2]]?["state"] == "Invalid")
    #expect(after[keys[2]]?["reason"] == "expired")
    #expect(after[keys[3]]?["reason"] == "revoked")
    #expect(after[keys[4]]?["reason"] == "unknown")
    #expect(after.values.allSatisfy { $0["lastValidated"] != nil })
    let installed = try trsh(["--instance", dir, "license", "list", "--installed"], home: home)
    #expect(installed.stdout.contains("*****-*****-*****-*****-\(keys[0].suffix(5))"))
    #expect(!installed.stdout.contains("Invalid"))
    let invalid = try trsh(["--instance", dir, "license", "list", "--invalid"], home: home)
    #expect(invalid.stdout.contains("revoked"))
    #expect(!invalid.stdout.contains("Installed"))
    // Nothing is Available any more: a second run asks nothing.
    let again = try trsh(["--instance", dir, "license", "validate"], home: home)
    #expect(again.stdout.contains("no Available licences to validate"))
    #expect(server.requests.filter { $0.contains("/v1/licenses/validate") }.count == 1)
  }

  @Test func connectivityFailureChangesNoLicence() throws {
    let home = TempDir()
    let (server, dir, _) = try validationSetup(home)
    defer { server.stop() }
    let before = try trsh(["--instance", dir, "license", "list", "--json"], home: home)
    let closed = try LoopbackSocket.freePort()
    let refused = try trsh(
      ["--instance", dir, "license", "validate"], home: home,
      environment: ["TRSH_OVERCAST_URL": "https://127.0.0.1:\(closed)"])
    #expect(refused.status == 5)
    #expect(refused.stderr.contains("connection refused"), "\(refused.stderr)")
    #expect(try trsh(["--instance", dir, "overcast", "ca", "clear"], home: home).status == 0)
    let tls = try trsh(["--instance", dir, "license", "validate"], home: home)
    #expect(tls.status == 5)
    #expect(tls.stderr.contains("TLS failure"), "\(tls.stderr)")
    let after = try trsh(["--instance", dir, "license", "list", "--json"], home: home)
    #expect(after.stdout == before.stdout)
    #expect(server.requests.filter { $0.contains("/v1/licenses/validate") }.isEmpty)
  }

  @Test func mistypedKeysAreRefusedBeforeAnyRequest() throws {
    let home = TempDir()
    let (server, dir, keys) = try validationSetup(home)
    defer { server.stop() }
    // Change the check character: a typo in the last position.
    let last = keys[0].last!
    let typo = String(keys[0].dropLast()) + (last == "0" ? "1" : "0")
    let add = try trsh(["--instance", dir, "license", "add", typo], home: home)
    #expect(add.status == 2)
    #expect(add.stderr.contains("mistyped"), "\(add.stderr)")
    let validate = try trsh(["--instance", dir, "license", "validate", keys[1], typo], home: home)
    #expect(validate.status == 2)
    #expect(validate.stderr.contains("mistyped"), "\(validate.stderr)")
    #expect(server.requests.isEmpty, "\(server.requests)")
    #expect(try licenses(dir, home: home).allSatisfy { $0["state"] == "Available" })
  }

  @Test func addRemoveAndValidateOneKey() throws {
    let home = TempDir()
    let (server, dir, keys) = try validationSetup(home)
    defer { server.stop() }
    #expect(try trsh(["--instance", dir, "license", "remove", keys[0]], home: home).status == 0)
    #expect(try trsh(["--instance", dir, "license", "remove", keys[0]], home: home).status == 2)
    let add = try trsh(["--instance", dir, "license", "add", keys[0].lowercased()], home: home)
    #expect(add.status == 0, "\(add.stderr)")
    let one = try trsh(["--instance", dir, "license", "validate", keys[0]], home: home)
    #expect(one.status == 0, "\(one.stderr)")
    let states = try licenses(dir, home: home).map { ($0["key"] ?? "", $0["state"] ?? "") }
    #expect(states.filter { $0.1 == "Installed" }.map(\.0) == [keys[0]])
    #expect(states.filter { $0.1 == "Available" }.count == keys.count - 1)
    // Completion offers the keys of the instance.
    let completion = try trsh(["--instance", dir, "complete-values", "license-keys"], home: home)
    #expect(completion.stdout.contains(keys[1]), "\(completion.stdout)\(completion.stderr)")
  }

  @Test(.enabled(if: Tinyproxy.isInstalled))
  func licensingProxyPasswordIsNeverInTheClear() throws {
    let home = TempDir()
    let (server, dir, _) = try validationSetup(home)
    defer { server.stop() }
    let proxy = try Tinyproxy(
      user: Self.proxyUser, password: Self.proxyPassword, connectPort: server.port)
    defer { proxy.stop() }
    let secrets = TempDir()
    let passwordFile = secrets.write("password", Self.proxyPassword + "\n")
    var outputs: [String] = []
    let set = try trsh(
      [
        "--instance", dir, "license", "proxy", "set", proxy.address, "--user", Self.proxyUser,
        "--password-file", passwordFile,
      ], home: home)
    #expect(set.status == 0, "\(set.stderr)")
    let show = try trsh(["--instance", dir, "license", "proxy", "show"], home: home)
    #expect(show.stdout.contains("Password: set"), "\(show.stdout)")
    // Through a batch session too, so the history and the audit log see these lines.
    let batch = try trsh(
      ["--instance", dir],
      stdin:
        "license proxy show --json\nping overcast --count 1 --via-license-proxy\nlicense validate\n",
      home: home)
    #expect(batch.status == 0, "\(batch.stderr)")
    #expect(batch.stdout.contains("\"passwordSet\" : true"))
    #expect(batch.stdout.contains("1 requests transmitted, 1 received"))
    #expect(batch.stdout.contains("Installed"))
    // A plain ping never uses the licensing proxy: tinyproxy only allows CONNECT to the server's port.
    let direct = try trsh(["--instance", dir, "ping", "overcast", "--count", "1"], home: home)
    #expect(direct.status == 0, "\(direct.stderr)")
    #expect(!direct.stdout.contains("via proxy"))
    outputs += [set.stdout, set.stderr, show.stdout, show.stderr, batch.stdout, batch.stderr]
    for output in outputs { #expect(!output.contains(Self.proxyPassword)) }
    let needle = Data(Self.proxyPassword.utf8)
    for root in [dir, home.file("state"), home.file("data"), home.file("config")] {
      for file in Self.files(under: root) {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
        #expect(bytes.range(of: needle) == nil, "password in clear in \(file)")
      }
    }
    #expect(FileManager.default.fileExists(atPath: dir + "/audit.log"))
    #expect(!Self.files(under: dir).filter { $0.hasSuffix("appliance.sqlite") }.isEmpty)
    // Clearing it: licence validation connects directly again.
    #expect(try trsh(["--instance", dir, "license", "proxy", "clear"], home: home).status == 0)
    let cleared = try trsh(["--instance", dir, "license", "proxy", "show"], home: home)
    #expect(cleared.stdout.contains("no licensing proxy"))
  }

  static func files(under root: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var out: [String] = []
    while let name = walker.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = root + "/" + name
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        out.append(path)
      }
    }
    return out
  }
}
