/// Document-at-a-time BM25F top-k with block-max MaxScore: MaxScore (Turtle & Flood 1995, "Query evaluation:
/// strategies and optimizations") with the block-max bounds of Chakrabarti, Chaudhuri & Ganti 2011
/// ("Interval-based pruning for top-k processing over compressed lists") and Ding & Suel 2011 ("Faster top-k
/// document retrieval using block-max indexes"), in the form Mallia, Siedlaczek & Suel 2019 compare ("An
/// experimental study of index compression and DAAT query processing methods").
///
/// Terms are sorted by their upper bound. Once the `k`-th best score θ reaches the sum of the smallest
/// bounds, those terms become *non-essential*: a document holding only them cannot enter the top `k`, so
/// candidates come from the essential terms' lists alone, and non-essential lists are only probed (skipping
/// whole blocks through their skip tables) for candidates whose essential score plus the non-essential
/// bounds — global, or the maxima of the blocks that would hold the candidate — still beat θ. Before a
/// candidate is scored, the block maxima of all terms are checked: when they cannot beat θ, every document
/// up to the end of the first of those blocks is skipped without decoding (the block-max skip of Ding & Suel).
///
/// Why MaxScore rather than block-max WAND: queries here are short (2–4 terms), where the two visit a
/// similar number of postings (Mallia et al. 2019), but MaxScore needs no re-sorting of cursors per
/// candidate and handles a term spread over several fields' lists (BM25F) without a per-field pivot: a
/// term's cursors move together, its bound is `idf · s(Σ_f max_f)` with `s(x) = x / (k1 + x)` increasing.
///
/// Exactness: each scored document's score is computed with the arithmetic and summation order of
/// `BM25FScorer.scoreAll` (fields in schema order into `tf~`, terms in query order into the score), so the
/// scores are bit-identical. A document is skipped only when a bound of its *computed* score is at most θ;
/// it then cannot beat the `k`-th document (ties go to the smaller document number, which came first).
/// Why the bounds hold for the computed (rounded) score, not only for the real one:
/// - Rounded addition, and rounded multiplication by a non-negative number, are monotone: `a ≤ a'` and
///   `b ≤ b'` give `fl(a + b) ≤ fl(a' + b')` and `fl(c · a) ≤ fl(c · a')` for `c ≥ 0`.
/// - A term with one field's list: its contribution is `fl(qf · fl(idf · s))` where `s` is a saturation the
///   index builder computed with the same function from the same inputs (same `avgdl` double, same `k1`);
///   each skip-table entry stores the largest such `s` of its block as a bit-identical Float64, so
///   `fl(qf · fl(idf · s_max))` bounds the contribution with no slack. (The rounded `x / (k1 + x)` may fail
///   monotonicity by an ulp, so the maximum of the computed saturations is stored, not the saturation of
///   the largest `x`.) This matters: many documents tie at the top score, and a bound one ulp too high could
///   never prune them.
/// - A term over several fields: `tf~` is bounded by the sum of the fields' stored `w · tf / B` maxima
///   (each rounded up to Float32; summed in field order; leaving out non-negative addends never increases a
///   rounded sum). The rounded saturation is within 7u (u = 2⁻⁵³) relative of the exact increasing function,
///   so the term's bound is inflated by `multiFieldSlack` = 1e-12, far above the ≈ 20u accumulated error.
/// - Every bound of a document's score is a sum *in query-term order* of per-term values, each at least that
///   term's computed contribution (the exact contribution, or a term's global or block bound); by
///   monotonicity it is at least the document's score, which is the same sum of the contributions.
struct BlockMaxScorer {
  /// Relative inflation of the bound of a term spread over several fields' lists (see above).
  static let multiFieldSlack = 1e-12
  /// Queries with more distinct terms are scored exhaustively (each bound check sums over all terms).
  static let maximumTermCount = 64
  /// Documents per window of the one-list-per-term evaluation (a multiple of 64).
  static let window = 1024
  /// Queries of one list per term with at most this many terms are evaluated a window at a time.
  static let windowTermLimit = 16

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

  /// Whether the schema's parameters keep every contribution non-negative and the bounds valid
  /// (`k1 > 0`, weights ≥ 0, `0 ≤ b ≤ 1`); otherwise `BM25FScorer.top` scores exhaustively.
  static func supports(_ schema: Schema) -> Bool {
    schema.k1 > 0 && schema.k1.isFinite
      && schema.textFields.allSatisfy { $0.weight >= 0 && $0.weight.isFinite && $0.b >= 0 && $0.b <= 1 }
  }

  /// The best `count` (> 0) documents for `terms` among those `filter` allows, identical to
  /// `BM25FScorer.topExhaustive`; the match count is exact only when nothing was pruned or skipped.
  func top(_ terms: [BM25FScorer.ResolvedTerm], count: Int, filter: DocumentFilter?) throws(IndexError) -> ScoredDocuments {
    let termCount = terms.count
    guard termCount > 0 else { return ScoredDocuments(hits: [], matchCount: 0, matchCountIsExact: true) }
    guard let norms = reader.norms.buffer.baseAddress else {
      throw IndexError.corrupt(file: reader.norms.name, reason: "empty norms file")
    }
    let documentCount = reader.documentCount
    // Cursors of all terms, term after term, fields in schema order within a term. The hot loop below
    // touches only `let` arrays of plain values and unsafe buffers (captured mutable arrays would cost a
    // box and an exclusivity check per access, more than a posting's arithmetic).
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
    // Plain pointers for the loop's read-only tables: indices are in range by construction, and unchecked
    // reads keep the per-candidate work small.
    let integers = UnsafeMutablePointer<Int>.allocate(capacity: cursorFieldList.count + 2 * termCount + 1)
    defer { integers.deallocate() }
    let cursorFields = integers
    let termCursorStart = integers + cursorFieldList.count
    let order = termCursorStart + termCount + 1
    cursorFields.initialize(from: cursorFieldList, count: cursorFieldList.count)
    termCursorStart.initialize(from: cursorStartList, count: termCount + 1)
    let reals = UnsafeMutablePointer<Double>.allocate(capacity: 4 * termCount)
    defer { reals.deallocate() }
    let idfs = reals
    let bounds = reals + termCount
    let prefixBounds = reals + 2 * termCount
    let factors = reals + 3 * termCount
    idfs.initialize(from: terms.map(\.idf), count: termCount)
    factors.initialize(from: terms.map(\.term.scoreFactor), count: termCount)
    // Whether every term has exactly one list (then cursor `t` is term `t`'s).
    let oneListPerTerm = pointers.count == termCount
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
    // Per term: its value in the current bound (exact contribution or bound; all exact once scored), and
    // the block-max bound at the current candidate with the last document it holds for.
    let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 2 * termCount)
    doubles.initialize(repeating: 0, count: 2 * termCount)
    defer { doubles.deallocate() }
    let values = doubles
    let blockBounds = doubles + termCount
    let blockEnds = UnsafeMutablePointer<Int>.allocate(capacity: termCount)
    blockEnds.initialize(repeating: -1, count: termCount)
    defer { blockEnds.deallocate() }

    // idf · s, times the term's factor (`BM25F.termScore`).
    @inline(__always)
    func termScore(_ term: Int, saturation: Double) -> Double {
      BM25F.termScore(idf: idfs[term], saturation: saturation, factor: factors[term])
    }
    let k1 = self.k1
    // A term's bound from its lists' maxima (saturation for one list; w · tf / B summed over several).
    @inline(__always)
    func termBound(_ term: Int, saturation: Double, weightedFrequencies: Double) -> Double {
      if termCursorStart[term + 1] - termCursorStart[term] == 1 { return termScore(term, saturation: saturation) }
      return termScore(term, saturation: BM25F.saturation(weightedFrequencies, k1: k1)) * (1 + Self.multiFieldSlack)
    }
    let boundList = (0..<termCount).map { term in
      var weightedFrequencies = 0.0
      var saturation = 0.0
      for cursor in termCursorStart[term]..<termCursorStart[term + 1] {
        weightedFrequencies += Double(pointers[cursor].maximumWeightedFrequency)
        saturation = pointers[cursor].maximumSaturation
      }
      return termBound(term, saturation: saturation, weightedFrequencies: weightedFrequencies)
    }
    bounds.initialize(from: boundList, count: termCount)
    let orderList = (0..<termCount).sorted { bounds[$0] != bounds[$1] ? bounds[$0] < bounds[$1] : $0 < $1 }
    order.initialize(from: orderList, count: termCount)
    var rank = [Int](repeating: 0, count: termCount)
    for (position, term) in orderList.enumerated() { rank[term] = position }
    // prefixBounds[i]: the bound of a document holding only terms order[0...i], summed in term order.
    for position in 0..<termCount {
      var sum = 0.0
      for term in 0..<termCount where rank[term] <= position { sum += bounds[term] }
      prefixBounds[position] = sum
    }
    @inline(__always)
    func sumOfValues() -> Double {
      var sum = 0.0
      for term in 0..<termCount { sum += values[term] }
      return sum
    }

    // The exact contribution of `term` to `document`'s score, as `scoreAll` computes it.
    let table = reader.weightedFrequencies
    let weights = self.weights, bs = self.bs, averages = self.averages
    // Field lengths as bytes when they all fit (a quarter of the cache footprint of `norms.bin`).
    let byteLengths = reader.byteFieldLengths.buffer.count == reader.schema.textFields.count * documentCount
      ? reader.byteFieldLengths.buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) : nil
    @inline(__always)
    func fieldLength(_ field: Int, _ document: Int) -> Int {
      if let byteLengths { return Int(byteLengths[field * documentCount + document]) }
      return Int(UInt32(littleEndian: norms.loadUnaligned(fromByteOffset: 16 + 4 * (field * documentCount + document),
                                                          as: UInt32.self)))
    }
    let saturationTable = table.saturations
    // The contribution of a term with one list (in `field`) holding `document` with `frequency`: the
    // saturation of its `w · tf / B` (0 + x is x exactly, the same bits as the sum over one field),
    // tabulated for small lengths and frequencies.
    @inline(__always)
    func oneFieldContribution(_ term: Int, field: Int, document: Int, frequency: Int) -> Double {
      let length = fieldLength(field, document)
      if let slot = WeightedFrequencyTable.slot(field: field, frequency: frequency, length: length) {
        return termScore(term, saturation: saturationTable[slot])
      }
      let pseudoFrequency = table.weightedFrequency(field: field, frequency: frequency, length: length,
                                                    weight: weights[field], b: bs[field], average: averages[field])
      return termScore(term, saturation: BM25F.saturation(pseudoFrequency, k1: k1))
    }
    @inline(__always)
    func contribution(_ term: Int, _ document: Int) -> Double {
      if oneListPerTerm {
        guard cursors[term].document == document else { return 0 }
        return oneFieldContribution(term, field: cursorFields[term], document: document, frequency: cursors[term].frequency)
      }
      var pseudoFrequency = 0.0
      var matched = false
      for cursor in termCursorStart[term]..<termCursorStart[term + 1] where cursors[cursor].document == document {
        let field = cursorFields[cursor]
        let length = fieldLength(field, document)
        pseudoFrequency += table.weightedFrequency(field: field, frequency: cursors[cursor].frequency, length: length,
                                                   weight: weights[field], b: bs[field], average: averages[field])
        matched = true
      }
      return matched ? termScore(term, saturation: BM25F.saturation(pseudoFrequency, k1: k1)) : 0
    }

    // Brings the block-max bound of `term` up to `document` (kept while `document` stays inside the blocks).
    @inline(__always)
    func refreshBlockBound(_ term: Int, _ document: Int) {
      if blockEnds[term] >= document { return }
      var end = Int.max
      var weightedFrequencies = 0.0
      var saturation = 0.0
      for cursor in termCursorStart[term]..<termCursorStart[term + 1] {
        let bound = cursors[cursor].blockBound(for: document)
        end = min(end, bound.lastDocument)
        weightedFrequencies += Double(bound.maximum)
        saturation = bound.saturation
      }
      blockBounds[term] = termBound(term, saturation: saturation, weightedFrequencies: weightedFrequencies)
      blockEnds[term] = end
    }

    var heap = TopKHeap(capacity: count)
    var threshold = -Double.infinity
    var firstEssential = 0
    var skippedBlocks = false
    var matchCount = 0
    let allowed = filter?.allowed ?? []
    let filtered = filter != nil
    // The one-list-per-term evaluation, a window of documents at a time: the essential lists' postings in
    // [low, low + window) are scored list after list in tight loops into a row per document (one value per
    // term, 0 where absent), then the documents are taken in ascending order and completed as the general
    // loop below completes a candidate. The essential set is fixed for a window (a term that turns
    // non-essential meanwhile keeps its exact values); θ only rises, so a bound checked against an older θ
    // prunes less, never wrongly.
    if oneListPerTerm && termCount <= Self.windowTermLimit {
      let window = Self.window
      let rows = UnsafeMutablePointer<Double>.allocate(capacity: window * termCount)
      defer { rows.deallocate() }
      let words = window / 64
      let touched = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
      touched.initialize(repeating: 0, count: words)
      defer { touched.deallocate() }
      let inWindow = UnsafeMutablePointer<Bool>.allocate(capacity: termCount)
      inWindow.initialize(repeating: false, count: termCount)
      defer { inWindow.deallocate() }
      while true {
        var low = PostingsCursor.exhausted
        for position in firstEssential..<termCount { low = min(low, cursors[order[position]].document) }
        if low == PostingsCursor.exhausted { break }
        if heap.isFull {
          // Block-max skip, as in the general loop.
          var blockSum = 0.0
          var end = Int.max
          for term in 0..<termCount {
            let next = cursors[term].document
            if next > low {
              end = min(end, next == PostingsCursor.exhausted ? Int.max : next - 1)
              continue
            }
            refreshBlockBound(term, low)
            blockSum += blockBounds[term]
            end = min(end, blockEnds[term])
          }
          if blockSum <= threshold {
            skippedBlocks = true
            let target = end == Int.max ? PostingsCursor.exhausted : end + 1
            for position in firstEssential..<termCount { try cursors[order[position]].advance(to: target) }
            continue
          }
        }
        let high = low + window
        let essentialStart = firstEssential
        for position in 0..<termCount { inWindow[order[position]] = position >= essentialStart }
        for position in essentialStart..<termCount {
          let term = order[position]
          let field = cursorFields[term]
          while cursors[term].document < high {
            let (documents, frequencies, remaining) = cursors[term].remainingInBlock
            var taken = 0
            while taken < remaining {
              let document = Int(documents[taken])
              if document >= high { break }
              let slot = document - low
              let bit: UInt64 = 1 &<< UInt64(slot & 63)
              if touched[slot >> 6] & bit == 0 {
                touched[slot >> 6] |= bit
                for other in 0..<termCount { rows[slot * termCount + other] = 0 }
              }
              rows[slot * termCount + term] = oneFieldContribution(term, field: field, document: document,
                                                                   frequency: Int(frequencies[taken]))
              taken += 1
            }
            try cursors[term].skipInBlock(taken)
          }
        }
        for word in 0..<words {
          var bits = touched[word]
          if bits == 0 { continue }
          touched[word] = 0
          while bits != 0 {
            let slot = word << 6 | bits.trailingZeroBitCount
            bits &= bits &- 1
            let document = low + slot
            if filtered && !allowed[document] { continue }
            matchCount += 1
            let row = rows + slot * termCount
            if essentialStart == 0 {
              // Every term is in the row: the score is its sum in term order (as `sumOfValues`). A score at
              // most θ cannot enter a full heap (ties go to the smaller document, kept earlier).
              var score = 0.0
              for term in 0..<termCount { score += row[term] }
              if heap.isFull && score <= threshold { continue }
              if heap.offer(document: document, score: score), heap.isFull {
                threshold = heap.worstScore
                while firstEssential < termCount, prefixBounds[firstEssential] <= threshold { firstEssential += 1 }
              }
              continue
            }
            for term in 0..<termCount where inWindow[term] { values[term] = row[term] }
            var complete = true
            if essentialStart > 0 {
              if heap.isFull {
                for position in 0..<essentialStart {
                  let term = order[position]
                  refreshBlockBound(term, document)
                  values[term] = min(blockBounds[term], bounds[term])
                }
                if sumOfValues() <= threshold { complete = false }
              }
              if complete {
                var position = essentialStart
                while position > 0 {
                  position -= 1
                  let term = order[position]
                  try cursors[term].advance(to: document)
                  values[term] = contribution(term, document)
                  if heap.isFull, position > 0, sumOfValues() <= threshold {
                    complete = false
                    break
                  }
                }
              }
            }
            guard complete else { continue }
            let score = sumOfValues()
            if heap.isFull && score <= threshold { continue }
            if heap.offer(document: document, score: score), heap.isFull {
              threshold = heap.worstScore
              while firstEssential < termCount, prefixBounds[firstEssential] <= threshold { firstEssential += 1 }
            }
          }
        }
      }
      return ScoredDocuments(hits: heap.sorted(), matchCount: matchCount, matchCountIsExact: firstEssential == 0 && !skippedBlocks)
    }
    while true {
      var document = PostingsCursor.exhausted
      if oneListPerTerm {
        for position in firstEssential..<termCount { document = min(document, cursors[order[position]].document) }
      } else {
        for position in firstEssential..<termCount {
          let term = order[position]
          for cursor in termCursorStart[term]..<termCursorStart[term + 1] where cursors[cursor].document < document {
            document = cursors[cursor].document
          }
        }
      }
      if document == PostingsCursor.exhausted { break }
      if heap.isFull {
        // Block-max skip: when the blocks holding `document` bound every term's score too low, no document up
        // to the first of those blocks' ends can enter; move the essential cursors past it without decoding.
        // A term whose cursors all stand past `document` holds nothing before them: it adds 0, and the range
        // ends before its next document.
        var blockSum = 0.0
        var end = Int.max
        for term in 0..<termCount {
          var next = PostingsCursor.exhausted
          if oneListPerTerm {
            next = cursors[term].document
          } else {
            for cursor in termCursorStart[term]..<termCursorStart[term + 1] { next = min(next, cursors[cursor].document) }
          }
          if next > document {
            end = min(end, next == PostingsCursor.exhausted ? Int.max : next - 1)
            continue
          }
          refreshBlockBound(term, document)
          blockSum += blockBounds[term]
          end = min(end, blockEnds[term])
        }
        if blockSum <= threshold {
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
      for position in firstEssential..<termCount {
        let term = order[position]
        if passes { values[term] = contribution(term, document) }
        if oneListPerTerm {
          if cursors[term].document == document { try cursors[term].next() }
        } else {
          for cursor in termCursorStart[term]..<termCursorStart[term + 1] where cursors[cursor].document == document {
            try cursors[cursor].next()
          }
        }
      }
      guard passes else { continue }
      matchCount += 1
      var complete = true
      if firstEssential > 0 {
        if heap.isFull {
          // The non-essential terms at their bounds: global, or of the blocks holding the document.
          for position in 0..<firstEssential {
            let term = order[position]
            values[term] = min(blockBounds[term], bounds[term])
          }
          if sumOfValues() <= threshold { complete = false }
        }
        if complete {
          var position = firstEssential
          while position > 0 {
            position -= 1
            let term = order[position]
            for cursor in termCursorStart[term]..<termCursorStart[term + 1] { try cursors[cursor].advance(to: document) }
            values[term] = contribution(term, document)
            if heap.isFull, position > 0, sumOfValues() <= threshold {
              complete = false
              break
            }
          }
        }
      }
      guard complete else { continue }
      let score = sumOfValues()
      if heap.offer(document: document, score: score), heap.isFull {
        threshold = heap.worstScore
        while firstEssential < termCount, prefixBounds[firstEssential] <= threshold { firstEssential += 1 }
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
    guard count > 0, terms.count <= BlockMaxScorer.maximumTermCount, BlockMaxScorer.supports(schema) else {
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
