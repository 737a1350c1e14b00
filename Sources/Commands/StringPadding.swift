extension String {
  /// The string followed by spaces up to `width` characters (never truncated).
  ///
  /// Used for aligned columns instead of `NSString.padding`, which bridges through UTF-16
  /// and cost more than the rest of `show status`.
  public func padded(to width: Int) -> String {
    let count = self.count
    return count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
