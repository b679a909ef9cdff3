/// Which of a user's values of one keyword field each document holds, built once per query from the values'
/// postings: a flat array by document number (no hashing per candidate), with the rare documents holding
/// several of the values listed apart.
struct UserValueTable: Sendable {
  /// The user's values, sorted.
  let values: [String]
  /// Per document: 0 when it holds none of `values`, else 1 + the position of the first it holds.
  private let first: [UInt32]
  /// Documents holding several of the values: their positions, ascending.
  private let several: [Int: [Int]]

  /// The table of `values` over `documentCount` documents, `documents(value)` giving each value's documents.
  init(values: [String], documentCount: Int, documents: (String) throws -> [Int]) rethrows {
    let sorted = values.sorted()
    var first = [UInt32](repeating: 0, count: documentCount)
    var several: [Int: [Int]] = [:]
    for (position, value) in sorted.enumerated() {
      for document in try documents(value) where document >= 0 && document < documentCount {
        if first[document] == 0 {
          first[document] = UInt32(position + 1)
        } else {
          several[document, default: [Int(first[document]) - 1]].append(position)
        }
      }
    }
    self.values = sorted
    self.first = first
    self.several = several
  }

  /// The user's values `document` holds, in sorted order.
  func values(of document: Int) -> [String] {
    guard document >= 0, document < first.count, first[document] > 0 else { return [] }
    if let positions = several[document] { return positions.map { values[$0] } }
    return [values[Int(first[document]) - 1]]
  }
}
