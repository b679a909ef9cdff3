import Foundation

/// BERT's uncased tokenizer: text normalisation, splitting into words, and WordPiece.
///
/// Reproduces the Hugging Face `tokenizers` pipeline of all-MiniLM-L6-v2 (`BertNormalizer` with clean text,
/// Chinese characters, accent stripping and lower-casing; `BertPreTokenizer`; `WordPiece` with `##`
/// continuations; the `[CLS] … [SEP]` template; truncation to 256 pieces). WordPiece is greedy
/// longest-match-first: Wu et al., "Google's Neural Machine Translation System", 2016, and Devlin et al.,
/// "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", NAACL 2019.
public struct WordPieceTokenizer: Sendable {
  /// Pieces in an encoded text, `[CLS]` and `[SEP]` included, unless another length is given.
  public static let defaultMaximumLength = 256

  /// Words longer than this many Unicode scalars become a single `[UNK]`.
  public static let maximumCharactersPerWord = 100

  /// The prefix of a piece that continues a word.
  public static let continuationPrefix = "##"

  /// The special tokens, matched literally in the input text before normalisation (as Hugging Face does).
  public static let specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

  /// Pieces in an encoded text, `[CLS]` and `[SEP]` included.
  public let maximumLength: Int

  /// Identifier of `[CLS]`, first piece of every encoding.
  public let classifierIdentifier: Int32

  /// Identifier of `[SEP]`, last piece of every encoding.
  public let separatorIdentifier: Int32

  /// Identifier of `[UNK]`, for words the vocabulary cannot spell.
  public let unknownIdentifier: Int32

  /// Pieces by identifier (the lines of `vocab.txt`).
  private let pieces: [String]

  /// Identifiers by the exact UTF-8 bytes of a piece. Swift `String` keys would compare by canonical
  /// equivalence (a precomposed Hangul syllable equals its jamo), which the reference tokenizer does not.
  private let identifiers: [[UInt8]: Int32]

  /// Identifiers of the special tokens present in the vocabulary, by their text.
  private let specialIdentifiers: [String: Int32]

  /// Loads the vocabulary from a `vocab.txt` (one piece per line; the line number is the identifier).
  public init(vocabularyURL: URL, maximumLength: Int = defaultMaximumLength) throws(EncoderError) {
    let path = vocabularyURL.path
    let data: Data
    do {
      data = try Data(contentsOf: vocabularyURL)
    } catch {
      throw .unreadableFile(path: path, reason: error.localizedDescription)
    }
    // Lines end at "\n" (a preceding "\r" is dropped); splitting bytes, not Characters, keeps "\r\n"
    // (one Character) and other line separators from being misread.
    var lines: [String] = []
    for var line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      guard let piece = String(data: Data(line), encoding: .utf8) else {
        throw .invalidVocabulary(path: path, reason: "line \(lines.count + 1) is not UTF-8 text")
      }
      lines.append(piece)
    }
    if lines.last == "" { lines.removeLast() }
    try self.init(vocabulary: lines, maximumLength: maximumLength, path: path)
  }

  /// Builds a tokenizer from the vocabulary's pieces in identifier order.
  public init(vocabulary: [String], maximumLength: Int = defaultMaximumLength) throws(EncoderError) {
    try self.init(vocabulary: vocabulary, maximumLength: maximumLength, path: "(vocabulary in memory)")
  }

  private init(vocabulary: [String], maximumLength: Int, path: String) throws(EncoderError) {
    guard !vocabulary.isEmpty else {
      throw .invalidVocabulary(path: path, reason: "it is empty")
    }
    guard vocabulary.count <= Int(Int32.max) else {
      throw .invalidVocabulary(path: path, reason: "it has more than \(Int32.max) pieces")
    }
    var identifiers: [[UInt8]: Int32] = [:]
    identifiers.reserveCapacity(vocabulary.count)
    for (index, piece) in vocabulary.enumerated() {
      identifiers[Array(piece.utf8)] = Int32(index)  // like the reference, a repeated piece keeps its last line
    }
    func special(_ token: String) throws(EncoderError) -> Int32 {
      guard let identifier = identifiers[Array(token.utf8)] else {
        throw .invalidVocabulary(path: path, reason: "it has no \(token) piece")
      }
      return identifier
    }
    classifierIdentifier = try special("[CLS]")
    separatorIdentifier = try special("[SEP]")
    unknownIdentifier = try special("[UNK]")
    var specialIdentifiers: [String: Int32] = [:]
    for token in Self.specialTokens {
      if let identifier = identifiers[Array(token.utf8)] { specialIdentifiers[token] = identifier }
    }
    self.specialIdentifiers = specialIdentifiers
    self.identifiers = identifiers
    self.pieces = vocabulary
    self.maximumLength = Swift.max(2, maximumLength)
  }

  /// Number of pieces in the vocabulary.
  public var vocabularySize: Int { pieces.count }

  /// The identifier of a piece (continuations spelled with `##`), or `nil` when it is not in the vocabulary.
  public func identifier(of piece: String) -> Int32? {
    identifiers[Array(piece.utf8)]
  }

  /// The piece with an identifier, or `nil` when out of range.
  public func piece(for identifier: Int32) -> String? {
    pieces.indices.contains(Int(identifier)) ? pieces[Int(identifier)] : nil
  }

  /// Encodes a text as `[CLS]`, its word pieces, `[SEP]`, truncated to ``maximumLength`` pieces in all.
  public func encode(_ text: String) -> (pieces: [String], ids: [Int32]) {
    let ids = encodeIdentifiers(text)
    return (ids.map { pieces[Int($0)] }, ids)
  }

  /// Encodes a text to piece identifiers only (``encode(_:)`` without the piece strings).
  public func encodeIdentifiers(_ text: String) -> [Int32] {
    let budget = maximumLength - 2
    var ids: [Int32] = [classifierIdentifier]
    ids.reserveCapacity(Swift.min(maximumLength, text.utf8.count + 2))
    for segment in splitOnSpecialTokens(text) {
      if ids.count - 1 >= budget { break }
      switch segment {
      case .special(let identifier):
        ids.append(identifier)
      case .text(let scalars):
        for word in Self.words(in: Self.normalize(scalars)) {
          if ids.count - 1 >= budget { break }
          appendWordPieces(of: word, to: &ids)
        }
      }
    }
    if ids.count - 1 > budget { ids.removeLast(ids.count - 1 - budget) }
    ids.append(separatorIdentifier)
    return ids
  }

  /// A run of the input: plain text, or a special token written literally.
  private enum Segment {
    case text(Substring.UnicodeScalarView)
    case special(Int32)
  }

  /// Cuts the text at literal special tokens such as `[MASK]` (case-sensitive, before normalisation).
  private func splitOnSpecialTokens(_ text: String) -> [Segment] {
    let scalars = text.unicodeScalars
    guard !specialIdentifiers.isEmpty, scalars.contains("[") else {
      return [.text(Substring(text).unicodeScalars)]
    }
    var segments: [Segment] = []
    var segmentStart = scalars.startIndex
    var index = scalars.startIndex
    while index < scalars.endIndex {
      if scalars[index] == "[",
        let (token, identifier) = specialIdentifiers.first(where: { scalars[index...].starts(with: $0.key.unicodeScalars) })
      {
        if segmentStart < index { segments.append(.text(Substring(text)[segmentStart..<index].unicodeScalars)) }
        segments.append(.special(identifier))
        index = scalars.index(index, offsetBy: token.unicodeScalars.count)
        segmentStart = index
      } else {
        index = scalars.index(after: index)
      }
    }
    if segmentStart < scalars.endIndex { segments.append(.text(Substring(text)[segmentStart...].unicodeScalars)) }
    return segments
  }

  /// Appends the WordPiece spelling of one word, or `[UNK]` when it has no spelling or is too long.
  private func appendWordPieces(of word: ArraySlice<Unicode.Scalar>, to ids: inout [Int32]) {
    guard word.count <= Self.maximumCharactersPerWord else {
      ids.append(unknownIdentifier)
      return
    }
    let utf8 = word.map { Array(String($0).utf8) }
    var wordIds: [Int32] = []
    var start = word.startIndex
    while start < word.endIndex {
      var end = word.endIndex
      var match: Int32?
      while start < end {
        var key: [UInt8] = start > word.startIndex ? Array(Self.continuationPrefix.utf8) : []
        for position in start..<end { key += utf8[position - word.startIndex] }
        if let identifier = identifiers[key] {
          match = identifier
          break
        }
        end -= 1
      }
      guard let match else {
        ids.append(unknownIdentifier)
        return
      }
      wordIds.append(match)
      start = end
    }
    ids += wordIds
  }
}
