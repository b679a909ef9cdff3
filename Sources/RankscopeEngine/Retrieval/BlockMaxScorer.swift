/// Document-at-a-time BM25F top-k with block-max MaxScore: MaxScore (Turtle & Flood 1995, "Query evaluation:
/// strategies and optimizations") with the block-max bounds of Chakrabarti, Chaudhuri & Ganti 2011
/// ("Interval-based pruning for top-k processing over compressed lists") and Ding & Suel 2011 ("Faster top-k
/// document retrieval using block-max indexes"), in the form Mallia, Siedlaczek & Suel 2019 compare ("An
/// experimental study of index compression and DAAT query processing methods").
///
/// Terms are sorted by their upper bound. Once the `k`-th best score θ exceeds the sum of the smallest
/// bounds, those terms become *non-essential*: a document holding only them cannot enter the top `k`, so
/// candidates come from the essential terms' lists alone, and non-essential lists are only probed (skipping
/// whole blocks through their skip tables) for candidates whose essential score plus the non-essential
/// bounds — first global, then the maxima of the blocks that would hold the candidate — still beat θ.
///
/// Why MaxScore rather than block-max WAND: queries here are short (2–4 terms), where the two visit a
/// similar number of postings (Mallia et al. 2019), but MaxScore needs no re-sorting of cursors per
/// candidate and handles a term spread over several fields' lists (BM25F) without a per-field pivot: a
/// term's cursors move together, its bound is `idf · s(Σ_f max_f)` with `s(x) = x / (k1 + x)` monotone.
///
/// Exactness: each scored document's score is computed with the arithmetic and summation order of
/// `BM25FScorer.scoreAll` (fields in schema order into `tf~`, terms in query order into the score), so the
/// scores are bit-identical; a document is skipped only when a bound, inflated by `boundSlack`, is at most
/// θ, and it then cannot beat the `k`-th document (ties go to the smaller document number, which came first).
struct BlockMaxScorer {
  /// Relative slack added to every bound before it is compared with θ.
  ///
  /// Why it suffices (u = 2⁻⁵³ is the unit roundoff): the block maxima are the largest `w · tf / B` the
  /// scorer itself computes (same functions, same `avgdl` double), rounded *up* to Float32. Floating-point
  /// addition and multiplication by a positive number are monotone, so `tf~` summed over fields is at most
  /// the same sum of maxima. `s(x) = x / (k1 + x)` rounded may fail monotonicity by at most 3u relative
  /// (each of the sum and the quotient errs by u; the exact function is increasing). The final score and
  /// the bounds are sums of at most T non-negative terms, each sum within (T − 1)·u relative of the exact
  /// sum whatever the order. So score ≤ bound · (1 + (2T + 8)·u) ≤ bound · (1 + 1e-9) for
  /// T ≤ `maximumTermCount` = 4,096 terms (2·4,096 + 8 < 10⁹ · 2⁻⁵³ ≈ 1.1 · 10⁷).
  static let boundSlack = 1e-9
  /// Longer queries are scored exhaustively (the slack argument above assumes at most this many terms).
  static let maximumTermCount = 4096

  private let reader: IndexReader
  private let k1: Double
  private let weights: [Double]
  private let bs: [Double]
  private let averages: [Double]

  /// A scorer over `reader`'s index.
  init(reader: IndexReader) {
    self.reader = reader
    k1 = reader.schema.k1
    let fields = reader.schema.textFields
    weights = fields.map(\.weight)
    bs = fields.map(\.b)
    averages = fields.indices.map { reader.averageFieldLength(field: $0) }
  }

  /// The best `count` (> 0) documents for `terms` among those `filter` allows, identical to
  /// `BM25FScorer.topExhaustive`; the match count is exact only when no list was pruned.
  func top(_ terms: [BM25FScorer.ResolvedTerm], count: Int, filter: DocumentFilter?) throws(IndexError) -> ScoredDocuments {
    let termCount = terms.count
    guard termCount > 0 else { return ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true) }
    guard let norms = reader.norms.buffer.baseAddress else {
      throw IndexError.corrupt(file: reader.norms.name, reason: "empty norms file")
    }
    let documentCount = reader.documentCount
    // Cursors of all terms, term after term, fields in schema order within a term. The hot loop below
    // touches only `let` arrays of plain values and unsafe buffers (no captured mutable arrays, whose
    // exclusivity checks and boxes would dominate the cost of a posting).
    var cursorFieldList: [Int] = []
    var cursorStartList: [Int] = []
    var pointers: [PostingsPointer] = []
    for term in terms {
      cursorStartList.append(pointers.count)
      for (field, pointer) in term.pointers.enumerated() {
        guard let pointer, pointer.documentFrequency > 0 else { continue }
        pointers.append(pointer)
        cursorFieldList.append(field)
      }
    }
    cursorStartList.append(pointers.count)
    let cursorFields = cursorFieldList
    let termCursorStart = cursorStartList
    let idfs = terms.map(\.idf)
    let queryFrequencies = terms.map(\.term.queryFrequency)
    let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, pointers.count) * 2 * PostingsBlock.capacity)
    defer { scratch.deallocate() }
    let cursors = UnsafeMutablePointer<PostingsCursor>.allocate(capacity: max(1, pointers.count))
    var initialized = 0
    defer {
      cursors.deinitialize(count: initialized)
      cursors.deallocate()
    }
    for (index, pointer) in pointers.enumerated() {
      (cursors + index).initialize(to: try PostingsCursor(pointer, decoder: reader.postings,
                                                           scratch: scratch + index * 2 * PostingsBlock.capacity))
      initialized += 1
    }
    // Per term: the exact contribution to the current candidate; the block-max bound at the candidate, the
    // last document it holds for, and running sums of the non-essential block bounds.
    let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 3 * termCount)
    doubles.initialize(repeating: 0, count: 3 * termCount)
    defer { doubles.deallocate() }
    let contributions = doubles
    let blockBounds = doubles + termCount
    let blockPrefix = doubles + 2 * termCount
    let blockEnds = UnsafeMutablePointer<Int>.allocate(capacity: termCount)
    blockEnds.initialize(repeating: -1, count: termCount)
    defer { blockEnds.deallocate() }

    // idf · s(tf~), times the query frequency: a term's score from its weighted frequency, or its bound from
    // a bound of the weighted frequency.
    let k1 = self.k1
    @inline(__always)
    func termScore(_ term: Int, _ pseudoFrequency: Double) -> Double {
      BM25F.termScore(idf: idfs[term], saturation: BM25F.saturation(pseudoFrequency, k1: k1),
                      queryFrequency: queryFrequencies[term])
    }
    let bounds = (0..<termCount).map { term in
      var pseudoFrequency = 0.0
      for cursor in termCursorStart[term]..<termCursorStart[term + 1] {
        pseudoFrequency += Double(pointers[cursor].maximumWeightedFrequency)
      }
      return termScore(term, pseudoFrequency)
    }
    let order = (0..<termCount).sorted { bounds[$0] != bounds[$1] ? bounds[$0] < bounds[$1] : $0 < $1 }
    var prefixList: [Double] = []
    var running = 0.0
    for term in order {
      running += bounds[term]
      prefixList.append(running)
    }
    let prefixBounds = prefixList
    let inflation = 1 + Self.boundSlack

    // The exact contribution of `term` to `document`'s score, as `scoreAll` computes it.
    let table = reader.weightedFrequencies
    let weights = self.weights, bs = self.bs, averages = self.averages
    @inline(__always)
    func contribution(_ term: Int, _ document: Int) -> Double {
      var pseudoFrequency = 0.0
      var matched = false
      for cursor in termCursorStart[term]..<termCursorStart[term + 1] where cursors[cursor].document == document {
        let field = cursorFields[cursor]
        let length = UInt32(littleEndian: norms.loadUnaligned(fromByteOffset: 16 + 4 * (field * documentCount + document),
                                                              as: UInt32.self))
        pseudoFrequency += table.weightedFrequency(field: field, frequency: cursors[cursor].frequency, length: Int(length),
                                                   weight: weights[field], b: bs[field], average: averages[field])
        matched = true
      }
      return matched ? termScore(term, pseudoFrequency) : 0
    }

    // Brings the block-max bound of `term` up to `document` (kept while `document` stays inside the blocks).
    @inline(__always)
    func refreshBlockBound(_ term: Int, _ document: Int) {
      if blockEnds[term] >= document { return }
      var end = Int.max
      var pseudoFrequency = 0.0
      for cursor in termCursorStart[term]..<termCursorStart[term + 1] {
        let (maximum, last) = cursors[cursor].blockBound(for: document)
        end = min(end, last)
        pseudoFrequency += Double(maximum)
      }
      blockBounds[term] = termScore(term, pseudoFrequency)
      blockEnds[term] = end
    }

    var heap = TopKHeap(capacity: count)
    var threshold = -Double.infinity
    var firstEssential = 0
    var skippedBlocks = false
    var matchCount = 0
    let allowed = filter?.allowed ?? []
    let filtered = filter != nil
    while true {
      var document = PostingsCursor.exhausted
      for position in firstEssential..<termCount {
        let term = order[position]
        for cursor in termCursorStart[term]..<termCursorStart[term + 1] where cursors[cursor].document < document {
          document = cursors[cursor].document
        }
      }
      if document == PostingsCursor.exhausted { break }
      if heap.isFull {
        // Block-max skip: when the blocks holding `document` bound every term's score too low, no document up
        // to the first of those blocks' ends can enter; move the essential cursors past it without decoding.
        var blockSum = 0.0
        var end = Int.max
        for term in 0..<termCount {
          refreshBlockBound(term, document)
          blockSum += blockBounds[term]
          end = min(end, blockEnds[term])
        }
        if blockSum * inflation <= threshold {
          skippedBlocks = true
          let target = end == Int.max ? PostingsCursor.exhausted : end + 1
          for position in firstEssential..<termCount {
            let term = order[position]
            for cursor in termCursorStart[term]..<termCursorStart[term + 1] { try cursors[cursor].advance(to: target) }
          }
          continue
        }
      }
      let passes = !filtered || allowed[document]
      var essentialScore = 0.0
      for position in firstEssential..<termCount {
        let term = order[position]
        if passes {
          let value = contribution(term, document)
          contributions[term] = value
          essentialScore += value
        }
        for cursor in termCursorStart[term]..<termCursorStart[term + 1] where cursors[cursor].document == document {
          try cursors[cursor].next()
        }
      }
      guard passes else { continue }
      matchCount += 1
      var complete = true
      if firstEssential > 0 {
        if heap.isFull {
          // The non-essential terms' bounds: global, then those of the blocks holding the document.
          var blockSum = 0.0
          for position in 0..<firstEssential {
            blockSum += min(blockBounds[order[position]], bounds[order[position]])
            blockPrefix[position] = blockSum
          }
          if (essentialScore + blockSum) * inflation <= threshold { complete = false }
        }
        if complete {
          var partial = essentialScore
          for position in stride(from: firstEssential - 1, through: 0, by: -1) {
            let term = order[position]
            for cursor in termCursorStart[term]..<termCursorStart[term + 1] { try cursors[cursor].advance(to: document) }
            let value = contribution(term, document)
            contributions[term] = value
            partial += value
            if heap.isFull, position > 0, (partial + blockPrefix[position - 1]) * inflation <= threshold {
              complete = false
              break
            }
          }
        }
      }
      guard complete else { continue }
      var score = 0.0
      for term in 0..<termCount { score += contributions[term] }
      if heap.offer(document: document, score: score), heap.isFull {
        threshold = heap.worstScore
        while firstEssential < termCount, prefixBounds[firstEssential] * inflation <= threshold { firstEssential += 1 }
      }
    }
    return ScoredDocuments(hits: heap.sorted(), matchCount: matchCount, matchCountIsExact: firstEssential == 0 && !skippedBlocks)
  }
}

/// The best documents seen so far in a document-at-a-time pass: a bounded min-heap whose root is the worst
/// kept; documents arrive in ascending order, so a later document with an equal score never displaces one.
struct TopKHeap {
  private var documents: [Int] = []
  private var scores: [Double] = []
  private let capacity: Int

  /// An empty heap keeping at most `capacity` (> 0) documents.
  init(capacity: Int) {
    self.capacity = capacity
    documents.reserveCapacity(min(capacity, 1024))
    scores.reserveCapacity(min(capacity, 1024))
  }

  /// Whether the heap holds `capacity` documents.
  var isFull: Bool { documents.count == capacity }

  /// The score of the worst document kept (the heap must not be empty).
  var worstScore: Double { scores[0] }

  /// Whether the entry at `left` ranks below the one at `right`: lower score, or equal score and larger
  /// document number.
  @inline(__always)
  private func worse(_ left: Int, _ right: Int) -> Bool {
    scores[left] != scores[right] ? scores[left] < scores[right] : documents[left] > documents[right]
  }

  /// Keeps `document` if it ranks among the best `capacity` so far (it must be larger than every document
  /// offered before); returns whether it was kept.
  @inline(__always)
  mutating func offer(document: Int, score: Double) -> Bool {
    if documents.count < capacity {
      documents.append(document)
      scores.append(score)
      var child = documents.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard worse(child, parent) else { break }
        documents.swapAt(parent, child)
        scores.swapAt(parent, child)
        child = parent
      }
      return true
    }
    guard score > scores[0] else { return false }
    documents[0] = document
    scores[0] = score
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var worst = parent
      if left < documents.count, worse(left, worst) { worst = left }
      if right < documents.count, worse(right, worst) { worst = right }
      if worst == parent { break }
      documents.swapAt(parent, worst)
      scores.swapAt(parent, worst)
      parent = worst
    }
    return true
  }

  /// The documents kept, best first (score descending, then document number ascending).
  func sorted() -> [(document: Int, score: Double)] {
    zip(documents, scores).map { (document: $0, score: $1) }.sorted {
      $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document
    }
  }
}

extension BM25FScorer {
  /// The best `count` documents for `terms` among those `filter` allows (all when it is nil), by block-max
  /// MaxScore (`BlockMaxScorer`): the same documents and scores as `topExhaustive`, bit for bit.
  ///
  /// The match count is exact when nothing was pruned, or for one term without filter (its document
  /// frequency); otherwise it counts the matches the pruned pass looked at.
  func top(_ terms: [ResolvedTerm], count: Int, filter: DocumentFilter?) throws(IndexError) -> ScoredDocuments {
    guard count > 0, terms.count <= BlockMaxScorer.maximumTermCount else {
      return try topExhaustive(terms, count: count, filter: filter)
    }
    var found = try BlockMaxScorer(reader: reader).top(terms, count: count, filter: filter)
    if !found.matchCountIsExact, filter == nil, terms.count == 1, let term = terms.first,
       Set(term.term.fieldTerms.compactMap { $0 }).count == 1 {
      // One dictionary entry: its any-field document frequency counts every match.
      found.matchCount = term.documentFrequency
      found.matchCountIsExact = true
    }
    return found
  }
}
