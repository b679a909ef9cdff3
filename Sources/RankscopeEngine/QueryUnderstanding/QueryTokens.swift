/// Splits a query into whitespace-separated tokens, keeping a quoted phrase (and a filter with a quoted value,
/// `category:"home decor"`) as one token, and says which tokens a corrector may touch.
public enum QueryTokens {
  /// The tokens of `query`, in order.
  public static func split(_ query: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var inQuote = false
    for character in query {
      if character == "\"" { inQuote.toggle() }
      if character.isWhitespace, !inQuote {
        if !current.isEmpty { tokens.append(current); current = "" }
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  /// Whether `token` is a plain word (letters only): numbers, filters (`type:video`, `price<50`, `-type:image`),
  /// quoted phrases and hyphenated or mixed tokens are left alone.
  public static func isCorrectable(_ token: String) -> Bool {
    !token.isEmpty && token.allSatisfy(\.isLetter)
  }
}
