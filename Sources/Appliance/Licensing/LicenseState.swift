/// Where a licence key is in validation: restored keys are `Available` until Overcast answers.
public enum LicenseState: String, Codable, Sendable, CaseIterable {
  case available = "Available"
  case installed = "Installed"
  case invalid = "Invalid"
}
