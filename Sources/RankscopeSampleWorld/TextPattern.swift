/// A small sentence grammar used to compose titles, descriptions, board names and queries.
///
/// Syntax: literal text; `{slot}` inserts a value (see `TextPattern.Slot`); `[words]` appears with
/// probability one half; `<one|another|a third>` picks one alternative uniformly; brackets nest.
/// `{a}` becomes "a" or "an" to agree with the word after it.
struct TextPattern: Sendable {
  /// A named value a pattern can insert.
  enum Slot: String, Sendable, CaseIterable {
    case subject, subject2, style, otherStyle, material, material2, detail, detail2, colour, occasion
    case adjective, adjective2, number, minutes, category, article = "a"
    /// "a"/"an" before a phrase headed by the subject, nothing when the subject is plural.
    case subjectArticle = "as"
    /// "this", or "these" for a plural subject.
    case this
    /// "is", or "are" for a plural subject.
    case verbIs = "is"
    /// The "s" of a verb in the present tense after a singular subject ("use{s}").
    case verbEnding = "s"
  }

  /// One piece of a parsed pattern.
  indirect enum Node: Sendable {
    case literal(String)
    case slot(Slot)
    case optional([Node])
    case choice([[Node]])
  }

  /// The pattern's text, for error messages.
  let source: String
  /// The parsed pattern.
  let nodes: [Node]
  /// The slots the pattern can insert.
  let slots: Set<Slot>

  /// Parses a pattern; a malformed pattern is a programming error in the vocabulary tables.
  init(_ source: String) {
    self.source = source
    var parser = Parser(characters: Array(source))
    nodes = parser.sequence(terminators: [])
    precondition(parser.position == parser.characters.count, "unbalanced pattern: \(source)")
    var found: Set<Slot> = []
    Self.collectSlots(nodes, into: &found)
    slots = found
  }

  private static func collectSlots(_ nodes: [Node], into found: inout Set<Slot>) {
    for node in nodes {
      switch node {
      case .literal: break
      case .slot(let slot): found.insert(slot)
      case .optional(let inner): collectSlots(inner, into: &found)
      case .choice(let alternatives): alternatives.forEach { collectSlots($0, into: &found) }
      }
    }
  }

  /// Renders the pattern, asking `value` for each slot it inserts; spaces are tidied and articles agreed.
  func render(using generator: inout SplitMix64,
              value: (Slot, inout SplitMix64) -> String) -> String {
    var output = ""
    Self.render(nodes, into: &output, using: &generator, value: value)
    return Self.tidy(output)
  }

  private static func render(_ nodes: [Node], into output: inout String, using generator: inout SplitMix64,
                             value: (Slot, inout SplitMix64) -> String) {
    for node in nodes {
      switch node {
      case .literal(let text): output += text
      case .slot(.article): output += articleMarker
      case .slot(let slot): output += value(slot, &generator)
      case .optional(let inner):
        if generator.chance(0.5) { render(inner, into: &output, using: &generator, value: value) }
      case .choice(let alternatives):
        render(alternatives[generator.below(alternatives.count)], into: &output, using: &generator, value: value)
      }
    }
  }

  /// Stands for an article until the word after it is known.
  static let articleMarker = "\u{1}"

  /// Collapses runs of spaces, removes spaces before punctuation and resolves article markers.
  static func tidy(_ text: String) -> String {
    var words: [String] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
      if let previous = words.last?.lowercased() {
        if previous == word.lowercased() { continue }
        let isArticle = word == articleMarker || word == "a" || word == "an"
        if isArticle, determiners.contains(previous) { continue }
      }
      words.append(word)
    }
    for index in words.indices where words[index].contains(articleMarker) {
      let following = index + 1 < words.count ? words[index + 1] : ""
      words[index] = words[index].replacingAll(articleMarker, with: article(before: following))
    }
    var result = words.joined(separator: " ")
    for mark in [" ,", " .", " !", " ?", " :"] {
      result = result.replacingAll(mark, with: String(mark.dropFirst()))
    }
    return result
  }

  /// Words after which an article is dropped ("the a rug" reads "the rug").
  static let determiners: Set<String> = ["the", "your", "my", "our", "this", "these", "every", "their"]

  /// "an" before a vowel sound, "a" otherwise (with the usual exceptions of written English).
  static func article(before word: String) -> String {
    let lower = word.lowercased()
    guard let first = lower.first else { return "a" }
    let consonantSounding = ["uni", "use", "usu", "one", "eu", "ure"]
    if consonantSounding.contains(where: { lower.hasPrefix($0) }) { return "a" }
    if ["hour", "heir", "honest"].contains(where: { lower.hasPrefix($0) }) { return "an" }
    return "aeiou".contains(first) ? "an" : "a"
  }

  /// Reads the pattern syntax.
  private struct Parser {
    let characters: [Character]
    var position = 0

    mutating func sequence(terminators: Set<Character>) -> [Node] {
      var nodes: [Node] = []
      var literal = ""
      func flush() {
        if !literal.isEmpty { nodes.append(.literal(literal)); literal = "" }
      }
      while position < characters.count {
        let character = characters[position]
        if terminators.contains(character) { break }
        position += 1
        switch character {
        case "{":
          flush()
          var name = ""
          while position < characters.count, characters[position] != "}" {
            name.append(characters[position]); position += 1
          }
          position += 1
          guard let slot = Slot(rawValue: name) else { preconditionFailure("unknown slot {\(name)}") }
          nodes.append(.slot(slot))
        case "[":
          flush()
          let inner = sequence(terminators: ["]"])
          position += 1
          nodes.append(.optional(inner))
        case "<":
          flush()
          var alternatives: [[Node]] = []
          while true {
            alternatives.append(sequence(terminators: ["|", ">"]))
            guard position < characters.count else { preconditionFailure("unclosed <") }
            let separator = characters[position]
            position += 1
            if separator == ">" { break }
          }
          nodes.append(.choice(alternatives))
        default:
          literal.append(character)
        }
      }
      flush()
      return nodes
    }
  }
}

extension String {
  /// The string with every occurrence of `target` replaced.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var remaining = Substring(self)
    while let range = remaining.range(of: target) {
      result += remaining[..<range.lowerBound]
      result += replacement
      remaining = remaining[range.upperBound...]
    }
    result += remaining
    return result
  }

  /// The string with its first letter in upper case.
  var capitalizedFirst: String {
    guard let first = first else { return self }
    return first.uppercased() + dropFirst()
  }

  /// Title Case: every word capitalised except short function words after the first.
  var titleCased: String {
    let small: Set<String> = ["a", "an", "and", "or", "the", "of", "for", "with", "in", "on", "to", "at", "by"]
    return split(separator: " ").enumerated().map { index, word in
      let text = String(word)
      if index > 0, small.contains(text.lowercased()) { return text.lowercased() }
      return text.split(separator: "-", omittingEmptySubsequences: false)
        .map { String($0).capitalizedFirst }.joined(separator: "-")
    }.joined(separator: " ")
  }
}
