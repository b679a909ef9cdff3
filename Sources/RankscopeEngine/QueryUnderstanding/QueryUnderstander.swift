import Foundation

/// Query understanding before retrieval: spelling correction (auto-applied when sure, else "did you mean"),
/// synonym expansions, phrases and the predicted intent, each rewrite reported as a `QueryRewrite` that the
/// caller can switch off.
///
/// The search engine asks it for an interpretation of a query's free text (`SearchRequest.understanding`): the
/// applied corrections change the text searched and embedded, synonyms add weighted terms (`ParsedQuery.Term`'s
/// weight and rewrite), phrases boost the documents holding them (`PhraseBoost`), and the intent feeds the
/// `category_intent` and `content_type_intent` ranking features.
public final class QueryUnderstander: Sendable {
  /// The spelling corrector, when one was built.
  public let corrector: SpellingCorrector?
  /// The synonym rules (a file's and the log's), when any.
  public let synonyms: SynonymTable?
  /// The phrase segmenter, when a phrase dictionary was built.
  public let segmenter: SegmentDetector?
  /// The intent model, when one was trained (it needs a query log with clicks).
  public let intentModel: IntentModel?
  /// The settings.
  public let settings: UnderstandingSettings

  /// Creates an understander from its parts (any may be missing).
  public init(corrector: SpellingCorrector?, synonyms: SynonymTable? = nil, segmenter: SegmentDetector? = nil,
              intentModel: IntentModel? = nil, settings: UnderstandingSettings = .standard) {
    self.corrector = corrector
    self.synonyms = synonyms
    self.segmenter = segmenter
    self.intentModel = intentModel
    self.settings = settings
  }

  /// The interpretation of `freeText` (a query's text without its filters) under `options`: spelling first (the
  /// other steps read the corrected text), then synonyms, phrases and intent.
  public func interpret(_ freeText: String, options: QueryUnderstandingOptions = .standard) -> QueryInterpretation {
    var interpretation = QueryInterpretation(typedText: freeText, searchedText: freeText)
    guard !freeText.allSatisfy(\.isWhitespace) else { return interpretation }
    if options.kinds.contains(.spelling), let corrector {
      applySpelling(corrector.correct(freeText), options: options, to: &interpretation)
    }
    let searched = interpretation.searchedText
    if options.kinds.contains(.synonym), let synonyms {
      for match in synonyms.expansions(ofQuery: searched) {
        var rewrite = QueryRewrite(kind: .synonym, original: match.phrase.joined(separator: " "),
                                   replacement: match.replacement.joined(separator: " "),
                                   weight: match.weight * settings.synonymScale,
                                   source: Self.describe(match.source, shadowed: match.shadowed))
        rewrite.isApplied = !options.disabled.contains(rewrite.id)
        interpretation.rewrites.append(rewrite)
      }
    }
    if options.kinds.contains(.phrase), let segmenter {
      for segment in segmenter.segments(ofQuery: searched) where segment.isPhrase {
        let words = segment.words.joined(separator: " ")
        var rewrite = QueryRewrite(kind: .phrase, original: words, replacement: words, weight: settings.phraseBoost,
                                   source: Self.describe(segment))
        rewrite.isApplied = !options.disabled.contains(rewrite.id)
        interpretation.rewrites.append(rewrite)
      }
    }
    if options.kinds.contains(.intent), let intentModel {
      let prediction = intentModel.predict(searched)
      let heads = [prediction.category, prediction.contentType].compactMap { head in
        head.top.map { "\($0.label) \(Self.format($0.probability))" }
      }
      var rewrite = QueryRewrite(kind: .intent, original: searched, replacement: heads.joined(separator: " · "),
                                 source: "intent model over query n-grams, trained on the log's clicks")
      rewrite.id = QueryRewrite.intentIdentifier
      rewrite.isApplied = !options.disabled.contains(rewrite.id)
      interpretation.rewrites.append(rewrite)
      if rewrite.isApplied { interpretation.intent = prediction }
    }
    return interpretation
  }

  /// Records the correction: when automatic, one rewrite per changed word (applied unless disabled) and the
  /// searched text with the applied ones; else the corrected text as a suggestion.
  private func applySpelling(_ correction: SpellingCorrection, options: QueryUnderstandingOptions,
                             to interpretation: inout QueryInterpretation) {
    guard correction.isChanged else { return }
    interpretation.spellingConfidence = correction.confidence
    guard correction.isAutomatic else {
      interpretation.suggestion = correction.corrected
      return
    }
    var searched: [String] = []
    for word in correction.words {
      guard word.isChanged else { searched.append(word.original); continue }
      var rewrite = QueryRewrite(kind: .spelling, original: word.original, replacement: word.corrected,
                                 source: "spelling, p = \(Self.format(word.probability)) (query \(Self.format(correction.confidence)))")
      rewrite.isApplied = !options.disabled.contains(rewrite.id)
      interpretation.rewrites.append(rewrite)
      searched.append(rewrite.isApplied ? word.corrected : word.original)
    }
    interpretation.searchedText = searched.joined(separator: " ")
  }

  /// Where a synonym came from, e.g. `synonyms.txt:12` or `log: 14 reformulations, 9 clicked`.
  static func describe(_ source: SynonymSource, shadowed: [SynonymSource] = []) -> String {
    func one(_ source: SynonymSource) -> String {
      switch source {
      case .file(let path, let line): return "\((path as NSString).lastPathComponent):\(line)"
      case .mined(let support, let clicked): return "log: \(support) reformulations, \(clicked) clicked"
      }
    }
    return ([one(source)] + shadowed.map { "also " + one($0) }).joined(separator: "; ")
  }

  /// Where a phrase was seen, e.g. `phrase: corpus 143, log 12 queries`.
  static func describe(_ segment: QuerySegment) -> String {
    var parts: [String] = []
    if segment.corpusCount > 0 { parts.append("corpus \(segment.corpusCount)") }
    if segment.logCount > 0 { parts.append("log \(segment.logCount) queries") }
    return "phrase: " + (parts.isEmpty ? "dictionary" : parts.joined(separator: ", "))
  }

  private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// The tunable parts of query understanding.
public struct UnderstandingSettings: Sendable, Hashable {
  /// A phrase's boost: a document holding the phrase in a text field has its score multiplied by 1 + this.
  public var phraseBoost: Double
  /// How many retrieved candidates the phrase boost re-scores (then the page is cut from them).
  public var phraseWindow: Int
  /// What a synonym rule's weight is multiplied by for the terms it adds: the added terms score beside the
  /// typed ones (a document holding both words gets both), so a full weight would count the concept twice.
  public var synonymScale: Double

  /// The defaults.
  public static let standard = UnderstandingSettings()

  /// Creates settings.
  public init(phraseBoost: Double = 0.1, phraseWindow: Int = 100, synonymScale: Double = 0.25) {
    self.phraseBoost = phraseBoost
    self.phraseWindow = phraseWindow
    self.synonymScale = synonymScale
  }
}

extension QueryUnderstander {
  /// Builds an understander over `reader`'s index: the spelling corrector over its stored text weighted by the
  /// queries of `log`; synonyms from `synonymsFile` and mined from `log`; phrases from the index and `log`; the
  /// intent model trained on `log`'s clicks (no log: spelling, file synonyms and corpus phrases only).
  public static func build(reader: IndexReader, log: QueryLog?, synonymsFile: String? = nil,
                           spelling: SpellingSettings = SpellingSettings(),
                           settings: UnderstandingSettings = .standard) throws -> QueryUnderstander {
    try build(reader: reader, log: log, synonyms: try synonymsFile.map { try SynonymFile.read(path: $0) },
              spelling: spelling, settings: settings)
  }

  /// `build(reader:log:synonymsFile:…)` with the synonyms file already read.
  public static func build(reader: IndexReader, log: QueryLog?, synonyms file: SynonymFile?,
                           spelling: SpellingSettings = SpellingSettings(),
                           settings: UnderstandingSettings = .standard) throws -> QueryUnderstander {
    let vocabulary = try SpellingVocabulary.build(reader: reader, queries: log?.searches.map(\.query) ?? [])
    let mined = log.map { SynonymMiner.mine(log: $0) } ?? []
    let synonyms = file == nil && mined.isEmpty ? nil : SynonymTable(file: file, mined: mined)
    let segmenter = SegmentDetector(dictionary: try PhraseDictionary.build(reader: reader, log: log))
    var intent: IntentModel?
    if let log, log.searches.contains(where: { !$0.clicked.isEmpty }) {
      intent = try IntentTrainer.train(log: log, reader: reader)
    }
    return QueryUnderstander(corrector: SpellingCorrector(vocabulary: vocabulary, settings: spelling), synonyms: synonyms,
                             segmenter: segmenter, intentModel: intent, settings: settings)
  }
}
