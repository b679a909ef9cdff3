import Foundation

/// A learning-to-rank data set in SVMlight/LETOR text form (`label qid:Q index:value ... # comment`), rows
/// grouped by query, held as a dense row-major matrix (absent features are 0).
///
/// Feature `i` of the file (1-based) is column `i − 1`. Every problem is reported as a `ParseError` naming the
/// file, the 1-based line and the reason; no input makes the reader crash.
public struct SVMLightFile: Sendable {
  /// A line that could not be read: which file, which line (0 when the problem concerns the whole file), and why.
  public typealias ParseError = ImportIssue

  /// Largest feature index accepted (the matrix is dense, so an absurd index would exhaust memory).
  public static let defaultMaximumFeatureIndex = 100_000

  /// Most values (rows × features) held densely.
  public static let maximumDenseValues = 500_000_000

  /// Relevance labels, one per row.
  public private(set) var labels: [Double]
  /// Feature values, row-major: row `r`, column `c` is `features[r * featureCount + c]`.
  public private(set) var features: [Double]
  /// Columns per row: the largest feature index seen (or the count asked for, if larger).
  public private(set) var featureCount: Int
  /// Query ids in file order, one per query.
  public private(set) var queryIds: [String]
  /// Row ranges of the queries: query `q` holds rows `queryBoundaries[q]..<queryBoundaries[q + 1]`.
  public private(set) var queryBoundaries: [Int]

  /// Rows in the file.
  public var rowCount: Int { labels.count }
  /// Queries in the file.
  public var queryCount: Int { queryIds.count }

  /// The rows of query `query`.
  public func rows(ofQuery query: Int) -> Range<Int> { queryBoundaries[query]..<queryBoundaries[query + 1] }

  /// Feature values of one row.
  public func row(_ row: Int) -> ArraySlice<Double> {
    features[row * featureCount..<(row + 1) * featureCount]
  }

  /// Creates a data set from its parts (rows already grouped by query).
  public init(labels: [Double], features: [Double], featureCount: Int, queryIds: [String], queryBoundaries: [Int]) {
    precondition(features.count == labels.count * featureCount, "features must hold featureCount values per row")
    precondition(queryBoundaries.count == queryIds.count + 1 && queryBoundaries.first == 0
                   && queryBoundaries.last == labels.count, "query boundaries must cover the rows")
    self.labels = labels
    self.features = features
    self.featureCount = featureCount
    self.queryIds = queryIds
    self.queryBoundaries = queryBoundaries
  }

  /// Reads the file at `path`.
  public static func read(path: String, minimumFeatureCount: Int = 0,
                          maximumFeatureIndex: Int = SVMLightFile.defaultMaximumFeatureIndex) throws(ParseError) -> SVMLightFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file (permission denied or not a regular file)"
                                                                 : "no such file"
      throw ParseError(file: path, line: 0, reason: reason)
    }
    return try parse(bytes: Array(data), file: path, minimumFeatureCount: minimumFeatureCount,
                     maximumFeatureIndex: maximumFeatureIndex)
  }

  /// Parses SVMlight text; `file` names it in errors.
  public static func parse(_ text: String, file: String, minimumFeatureCount: Int = 0,
                           maximumFeatureIndex: Int = SVMLightFile.defaultMaximumFeatureIndex) throws(ParseError) -> SVMLightFile {
    try parse(bytes: Array(text.utf8), file: file, minimumFeatureCount: minimumFeatureCount,
              maximumFeatureIndex: maximumFeatureIndex)
  }

  /// Parses SVMlight text given as UTF-8 bytes; `file` names it in errors.
  public static func parse(bytes: [UInt8], file: String, minimumFeatureCount: Int = 0,
                           maximumFeatureIndex: Int = SVMLightFile.defaultMaximumFeatureIndex) throws(ParseError) -> SVMLightFile {
    var labels: [Double] = []
    var sparseStarts: [Int] = [0]
    var sparseIndices: [Int] = []
    var sparseValues: [Double] = []
    var queryIds: [String] = []
    var queryBoundaries: [Int] = [0]
    var firstLineOfQuery: [String: Int] = [:]
    var largestIndex = 0
    var lineNumber = 0
    var position = 0
    let count = bytes.count
    var seenInRow = Set<Int>()

    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }

    while position < count {
      lineNumber += 1
      var lineEnd = position
      while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let nextLine = lineEnd + 1
      // A comment runs from '#' to the end of the line.
      var contentEnd = position
      while contentEnd < lineEnd, bytes[contentEnd] != UInt8(ascii: "#") { contentEnd += 1 }
      // Split into tokens.
      var tokens: [Range<Int>] = []
      var cursor = position
      while cursor < contentEnd {
        while cursor < contentEnd, isSpace(bytes[cursor]) { cursor += 1 }
        let start = cursor
        while cursor < contentEnd, !isSpace(bytes[cursor]) { cursor += 1 }
        if cursor > start { tokens.append(start..<cursor) }
      }
      position = nextLine
      if tokens.isEmpty { continue }

      func failure(_ reason: String) -> ParseError { ParseError(file: file, line: lineNumber, reason: reason) }
      func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

      let labelText = text(tokens[0])
      guard let label = parseNumber(bytes, tokens[0]), label.isFinite else {
        throw failure("bad label \"\(labelText)\": expected a number")
      }
      guard tokens.count >= 2 else { throw failure("missing qid: a row is 'label qid:Q index:value ...'") }
      let qidToken = tokens[1]
      guard qidToken.count > 4, text(qidToken.lowerBound..<qidToken.lowerBound + 4) == "qid:" else {
        throw failure("missing qid: expected \"qid:Q\" after the label, found \"\(text(qidToken))\"")
      }
      let queryId = text(qidToken.lowerBound + 4..<qidToken.upperBound)
      let rowIndex = labels.count
      if queryIds.last != queryId {
        if let firstLine = firstLineOfQuery[queryId] {
          throw failure("query \(queryId) is not contiguous: its rows began on line \(firstLine) and another query came between; rows must be grouped by query")
        }
        if !queryIds.isEmpty { queryBoundaries.append(rowIndex) }
        queryIds.append(queryId)
        firstLineOfQuery[queryId] = lineNumber
      }
      seenInRow.removeAll(keepingCapacity: true)
      for token in tokens[2...] {
        var colon = token.lowerBound
        while colon < token.upperBound, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < token.upperBound else {
          throw failure("bad feature \"\(text(token))\": expected index:value")
        }
        // The index: decimal digits only, with an overflow-safe limit.
        var index = 0
        var digits = 0
        for byte in bytes[token.lowerBound..<colon] {
          guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
            throw failure("bad feature index \"\(text(token.lowerBound..<colon))\": expected a positive integer")
          }
          digits += 1
          if index <= maximumFeatureIndex, index < 1 << 40 { index = index * 10 + Int(byte - UInt8(ascii: "0")) }
        }
        guard digits > 0 else { throw failure("bad feature \"\(text(token))\": missing feature index") }
        guard index != 0 else { throw failure("feature index 0: indices start at 1") }
        guard index <= maximumFeatureIndex else {
          throw failure("feature index \(text(token.lowerBound..<colon)) is unreasonable (above \(maximumFeatureIndex))")
        }
        let valueRange = colon + 1..<token.upperBound
        guard let value = parseNumber(bytes, valueRange), value.isFinite else {
          throw failure("bad number \"\(text(valueRange))\" for feature \(index)")
        }
        guard seenInRow.insert(index).inserted else { throw failure("feature \(index) given twice") }
        largestIndex = max(largestIndex, index)
        sparseIndices.append(index - 1)
        sparseValues.append(value)
      }
      labels.append(label)
      sparseStarts.append(sparseIndices.count)
    }
    if !queryIds.isEmpty { queryBoundaries.append(labels.count) }
    let featureCount = max(largestIndex, minimumFeatureCount)
    guard labels.count.multipliedReportingOverflow(by: featureCount).partialValue <= maximumDenseValues,
          !labels.count.multipliedReportingOverflow(by: featureCount).overflow else {
      throw ParseError(file: file, line: 0, reason: "\(labels.count) rows of \(featureCount) features are too many values for a dense matrix (at most \(maximumDenseValues))")
    }
    var features = [Double](repeating: 0, count: labels.count * featureCount)
    for row in 0..<labels.count {
      for entry in sparseStarts[row]..<sparseStarts[row + 1] {
        features[row * featureCount + sparseIndices[entry]] = sparseValues[entry]
      }
    }
    return SVMLightFile(labels: labels, features: features, featureCount: featureCount, queryIds: queryIds,
                        queryBoundaries: queryBoundaries)
  }

  /// Parses a decimal number (optional sign, digits, fraction, exponent); `nil` for anything else.
  private static func parseNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
    guard !range.isEmpty, range.count < 400 else { return nil }
    // Only the characters of a decimal number: no "nan", "inf" or hexadecimal forms.
    var sawDigit = false
    for byte in bytes[range] {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
      case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
      default: return nil
      }
    }
    guard sawDigit else { return nil }
    return Double(String(decoding: bytes[range], as: UTF8.self))
  }
}
