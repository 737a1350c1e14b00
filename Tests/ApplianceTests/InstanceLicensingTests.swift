import Appliance
import Foundation
import TestSupport
import Testing

/// Licence operations, the sealed licensing proxy and the Overcast settings of an instance.
@Suite(.engines) struct InstanceLicensingTests {
  static let key = LicenseKey.make(indices: Array(7..<31))

  func kind(_ body: () throws -> Void) -> ApplianceError.Kind? {
    do {
      try body()
      return nil
    } catch let error as ApplianceError {
      return error.kind
    } catch {
      return nil
    }
  }

  @Test func addChecksTheKeyAndRefusesDuplicates() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(at: dir.appendingPathComponent("i"), version: .current)
      let typo = String(Self.key.value.dropLast()) + (Self.key.value.last == "0" ? "1" : "0")
      #expect(kind { _ = try instance.addLicense(typo) } == .usage)
      #expect(try instance.licenses().isEmpty)
      let added = try instance.addLicense(Self.key.value.lowercased())
      #expect(added == License(key: Self.key, state: .available))
      #expect(kind { _ = try instance.addLicense(Self.key.value) } == .failed)
      #expect(try instance.licenses(in: .available) == [added])
      #expect(try instance.licenses(in: .installed).isEmpty)
      #expect(try instance.removeLicense(Self.key.value) == Self.key)
      #expect(kind { _ = try instance.removeLicense(Self.key.value) } == .usage)
    }
  }

  @Test func validationFailuresChangeNothing() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(at: dir.appendingPathComponent("i"), version: .current)
      _ = try instance.addLicense(Self.key.value)
      let before = try instance.licenses()
      // Nothing listens on port 1: connection refused, and nothing is written.
      let unreachable = OvercastConfiguration(
        baseURL: "https://127.0.0.1:1", connectTimeout: .seconds(2), readTimeout: .seconds(2))
      #expect(
        kind { _ = try instance.validateLicenses([], configuration: unreachable) } == .connectivity)
      #expect(try instance.licenses() == before)
      // A key the instance does not hold is refused before any request.
      let other = LicenseKey.make(indices: Array(9..<33))
      #expect(
        kind { _ = try instance.validateLicenses([other.value], configuration: unreachable) }
          == .usage)
    }
  }

  @Test func proxyPasswordIsSealedAndOpensAgain() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(at: dir.appendingPathComponent("i"), version: .current)
      let password = "sealed-proxy-password-42"
      try instance.setLicensingProxy(
        OvercastProxy(host: "proxy.example", port: 3128, username: "svc", password: password))
      let stored = try #require(try instance.store().proxy())
      let sealed = try #require(stored.sealedPassword)
      #expect(sealed.range(of: Data(password.utf8)) == nil)
      #expect(try instance.licensingProxy()?.password == password)
      let info = try #require(try instance.licensingProxyInfo())
      #expect(info.passwordSet && info.passwordReadable && info.username == "svc")
      #expect(try instance.clearLicensingProxy())
      #expect(try instance.licensingProxy() == nil)
      #expect(try !instance.clearLicensingProxy())
    }
  }

  @Test func urlComesFromEnvironmentThenInstanceThenVendor() throws {
    try TemporaryDirectory.with { dir in
      let instance = try Instance.create(at: dir.appendingPathComponent("i"), version: .current)
      var s = try instance.overcastSettings(environment: [:])
      #expect(s.url == OvercastConfiguration.defaultBaseURL && s.source == .vendorDefault)
      try instance.setOvercastURL("https://overcast.lab.example:8443")
      s = try instance.overcastSettings(environment: [:])
      #expect(s.url == "https://overcast.lab.example:8443" && s.source == .instance)
      s = try instance.overcastSettings(environment: ["TRSH_OVERCAST_URL": "https://env.example"])
      #expect(s.url == "https://env.example" && s.source == .environment)
      #expect(s.storedURL == "https://overcast.lab.example:8443")
      #expect(kind { try instance.setOvercastURL("ftp://nope") } == .usage)
      try instance.setOvercastTimeouts(connect: 3, read: 7)
      let configuration = try instance.overcastConfiguration(environment: [:])
      #expect(configuration.connectTimeout == .seconds(3))
      #expect(configuration.readTimeout == .seconds(7))
      #expect(kind { try instance.setOvercastTimeouts(connect: 0, read: nil) } == .usage)
    }
  }
}
