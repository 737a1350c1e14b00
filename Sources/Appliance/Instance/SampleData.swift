import Foundation

/// Deterministic, realistic sample content for rehearsal instances; all randomness comes from one seed.
package struct SampleData {
  package var rng: SeededGenerator
  package let corpDomain: String
  /// 2022-01-01 plus up to a year, chosen by the seed: timestamps never depend on the clock.
  package let baseEpoch: Int64
  package let incidentCount: Int

  package init(seed: UInt64, incidentCount: Int) {
    rng = SeededGenerator(seed: seed)
    baseEpoch = 1_640_995_200 + Int64(rng.below(365)) * 86_400
    corpDomain = rng.pick([
      "northwind.example", "contoso.example", "fabrikam.example", "globex.example",
    ])
    self.incidentCount = incidentCount
  }

  package static let firstNames = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
    "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yusuf",
  ]
  package static let lastNames = [
    "smith", "jones", "khan", "garcia", "chen", "mueller", "rossi", "novak", "silva", "okafor",
    "tanaka", "dubois", "larsen", "murphy", "kowalski",
  ]
  package static let badDomains = [
    "micros0ft-support.example", "docu-sign-secure.example", "paypa1-billing.example",
    "dhl-parcel-track.example", "office365-login.example", "secure-wire.example",
    "hr-benefits-portal.example", "sharepoint-files.example", "invoices-online.example",
  ]
  /// Subject templates: text before the placeholder, the placeholder (number or document), text after.
  package static let subjects: [(String, Character?, String)] = [
    ("Invoice #", "N", " overdue"), ("Your mailbox is almost full", nil, ""),
    ("DocuSign: please review ", "D", ""), ("Payment advice ", "N", ""),
    ("Your password expires today", nil, ""), ("Shared file: ", "D", ""),
    ("Urgent: wire transfer needed today", nil, ""), ("Voicemail from +44 20 7946 ", "N", ""),
    ("Delivery failed: parcel ", "N", ""), ("Unusual sign-in activity", nil, ""),
    ("Updated benefits enrolment ", "D", ""), ("RE: purchase order ", "N", ""),
    ("Action required: verify your account", nil, ""),
  ]
  package static let documents = [
    "Q3_Report.pdf", "Contract_2024.docx", "Payroll.xlsx", "Scan_0042.pdf", "Offer_Letter.docx",
    "Statement.html", "Remittance.zip",
  ]
  package static let incidentTypes = [
    "phishing", "malware", "impostor", "credential theft", "spam campaign", "abuse report",
  ]
  package static let teams = ["SOC Tier 1", "SOC Tier 2", "Threat Intel", "IT Security"]
  package static let severities = ["low", "medium", "high", "critical"]
  package static let analysts = ["jsmith", "akhan", "mgarcia", "lchen"]

  /// Alert sources: at least one of every type.
  package func alertSourcePlan() -> [(String, AlertSourceType, Int)] {
    [
      ("TAP - Corporate", .tap, 60), ("TAP - EMEA", .tap, 60),
      ("Smart Search", .smartSearch, 300), ("CSV - SIEM export", .csv, 900),
      ("JSON - SOAR feed", .json, 120), ("Abuse mailbox - abuse@\(corpDomain)", .abuseMailbox, 180),
    ]
  }

  package mutating func person() -> String {
    rng.pick(Self.firstNames) + "." + rng.pick(Self.lastNames)
  }

  // Built by concatenation: Foundation's replacingOccurrences is too slow for a million subjects.
  package mutating func subject() -> String {
    let (head, placeholder, tail) = rng.pick(Self.subjects)
    switch placeholder {
    case "N": return head + String(1000 + rng.below(9000)) + tail
    case "D": return head + rng.pick(Self.documents) + tail
    default: return head
    }
  }

  package mutating func hex(_ bytes: Int) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8](repeating: 0, count: bytes * 2)
    var word = rng.next()
    var left = 8
    for i in 0..<bytes {
      if left == 0 {
        word = rng.next()
        left = 8
      }
      let b = UInt8(truncatingIfNeeded: word)
      word >>= 8
      left -= 1
      out[2 * i] = digits[Int(b >> 4)]
      out[2 * i + 1] = digits[Int(b & 15)]
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Incident `id` (1-based), created across two years in id order.
  package mutating func incident(id: Int64) -> (Incident, Int64) {
    let span: Int64 = 730 * 86_400
    let created =
      baseEpoch + (id - 1) * span / Int64(max(incidentCount, 1)) + Int64(rng.below(3600))
    let state = IncidentState.allCases[rng.below(IncidentState.allCases.count)]
    let handled = state == .assigned || state == .closed || state == .open
    let updated = created + (state == .new ? 0 : Int64(rng.below(10 * 86_400)))
    let type = rng.pick(Self.incidentTypes)
    let incident = Incident(
      id: id, state: state, score: rng.below(101), type: type,
      summary: "\(type.prefix(1).uppercased() + type.dropFirst()): \(subject())",
      assignee: handled ? rng.pick(Self.analysts) : nil,
      team: handled ? rng.pick(Self.teams) : nil,
      createdAt: ISOTime.string(epochSeconds: created),
      updatedAt: ISOTime.string(epochSeconds: updated))
    return (incident, created)
  }

  package mutating func alert(id: Int64, incident: Incident, sources: [String], createdEpoch: Int64)
    -> Alert
  {
    let recipients = (0..<(1 + rng.below(3))).map { _ in person() + "@" + corpDomain }
    let attachments = (0..<rng.below(3)).map { _ in hex(32) }
    let sender = person() + "@" + rng.pick(Self.badDomains)
    return Alert(
      id: id, incidentId: incident.id, source: rng.pick(sources),
      severity: rng.pick(Self.severities),
      receivedAt: ISOTime.string(epochSeconds: createdEpoch - Int64(rng.below(3600))),
      sender: sender, recipients: recipients, subject: subject(),
      messageId: "<\(hex(8)).\(id)@mx.\(sender.split(separator: "@").last ?? "")>",
      attachmentHashes: attachments)
  }
}
