import Foundation

/// The personalization features: each reads the context's `UserContext` (0 and "anonymous search" without one,
/// 0 and "off" when its signal is off), and its explanation lists the history items that contributed most.
extension FeatureExtractor {
  /// The user's inputs when `signal` can be computed, else the node saying why it is 0.
  private func inputs(
    _ signal: PersonalizationSignal, _ context: FeatureContext,
    _ node: FeatureNodeBuilder
  ) -> Result<PersonalizationInputs, FeatureNodeFailure> {
    guard let inputs = context.personalization else {
      return .failure(FeatureNodeFailure(node: node.leaf(0, "0: anonymous search (no user)")))
    }
    guard inputs.isEnabled(signal) else {
      return .failure(
        FeatureNodeFailure(node: node.leaf(0, "0: \(signal.featureName) is off for user \(inputs.user.profile.userId)")))
    }
    return .success(inputs)
  }

  /// Cosine of the user embedding and the document's text embedding; the explanation lists the engaged
  /// documents with the largest share `w_i · (x_i · d) / (‖Σ w x‖ · |d|)` of it.
  func userSimilarity(
    _ field: Int, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder
  ) throws -> FeatureNode {
    let inputs: PersonalizationInputs
    switch self.inputs(.userSimilarity, context, node) {
    case .failure(let failure): return failure.node
    case .success(let found): inputs = found
    }
    guard let embedding = inputs.embedding else {
      return node.leaf(0, "0: user \(inputs.user.profile.userId) has no embedding (no engaged document with a vector)")
    }
    if !node.explaining {
      return FeatureNode(value: fastCosines([embedding], field, data, combineByMax: false), explanation: nil)
    }
    let profile = inputs.user.profile
    var result = try cosine(embedding, "the embedding of user \(profile.userId)", field, data, node)
    guard node.explaining, var explanation = result.explanation, result.value != 0 else { return result }
    let store = vectorStores[field]
    let documentVector = Array(UnsafeBufferPointer(start: store.vector(data.document), count: store.dimension))
    let documentNorm = documentVector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    var shares: [(engaged: EngagedDocument, share: Double)] = []
    for engaged in profile.engagedDocuments where store.isPresent(engaged.document) {
      let vector = UnsafeBufferPointer(start: store.vector(engaged.document), count: store.dimension)
      var dot = 0.0
      for index in 0..<store.dimension { dot += Double(vector[index]) * Double(documentVector[index]) }
      shares.append((engaged, engaged.weight * dot / (profile.embeddingNorm * documentNorm)))
    }
    shares.sort { $0.share != $1.share ? $0.share > $1.share : $0.engaged.documentId < $1.engaged.documentId }
    let count = registry.settings.personalContributorCount
    explanation.label +=
      " (u pools \(profile.engagedDocuments.count) engaged documents; "
      + "the largest shares w_i · x_i · d / (‖Σ w x‖ · |d|) follow)"
    explanation.children += shares.prefix(count).map { entry in
      .leaf(
        entry.share,
        "\(entry.engaged.documentId) \(title(entry.engaged.document)): weight \(format(entry.engaged.weight)) "
          + "over \(entry.engaged.events.count) event\(entry.engaged.events.count == 1 ? "" : "s")")
    }
    result.explanation = explanation
    return result
  }

  /// The largest cosine between an interest's medoid and the document, naming the interest.
  func interestSimilarity(
    _ field: Int, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder
  ) throws -> FeatureNode {
    let inputs: PersonalizationInputs
    switch self.inputs(.interestSimilarity, context, node) {
    case .failure(let failure): return failure.node
    case .success(let found): inputs = found
    }
    guard !inputs.interestVectors.isEmpty else { return node.leaf(0, "0: user \(inputs.user.profile.userId) has no interests") }
    if !node.explaining {
      return FeatureNode(value: fastCosines(inputs.interestVectors, field, data, combineByMax: true), explanation: nil)
    }
    let profile = inputs.user.profile
    var children: [FeatureNode] = []
    for (index, interest) in profile.interests.enumerated() {
      var child = try cosine(interest.vector, "interest \(index + 1)'s medoid", field, data, node)
      if node.explaining, var explanation = child.explanation {
        explanation.label =
          "interest \(index + 1) \"\(interest.label)\" (medoid \(interest.medoidId) \(title(interest.medoid)), "
          + "\(interest.members.count) documents, importance \(format(interest.importance))): \(explanation.label)"
        child.explanation = explanation
      }
      children.append(child)
    }
    return node.combine(.max, bestInterestLabel(children, profile), children)
  }

  /// The cosine of the first of `vectors` with the document (or, with `combineByMax`, the largest over all of
  /// them) with `cosine`'s arithmetic — the same kernels, the same guards — reading the document's vector and
  /// norm once: the values the explained path gives, bit for bit.
  private func fastCosines(_ vectors: [[Float]], _ field: Int, _ data: CandidateData, combineByMax: Bool) -> Double {
    let store = vectorStores[field]
    guard store.isPresent(data.document) else { return 0 }
    let documentBase = store.vector(data.document)
    let documentNorm = VectorSimilarity.norm(documentBase, dimension: store.dimension)
    var best = -Double.infinity
    for vector in vectors {
      var value = 0.0
      if vector.count == store.dimension {
        let (dot, norm) = vector.withUnsafeBufferPointer { q -> (Float, Float) in
          guard let base = q.baseAddress else { return (0, 0) }
          return (VectorKernels.dot(base, documentBase, count: q.count), VectorSimilarity.norm(base, dimension: q.count))
        }
        if norm > 0, documentNorm > 0 {
          let cosine = Double(VectorSimilarity.cosine(dot: dot, queryNorm: norm, documentNorm: documentNorm))
          value = cosine.isFinite ? cosine : 0
        }
      }
      if !combineByMax { return value }
      if value > best { best = value }
    }
    return vectors.isEmpty ? 0 : best
  }

  private func bestInterestLabel(_ children: [FeatureNode], _ profile: UserProfile) -> String {
    let best =
      children.indices.max { children[$0].value != children[$1].value ? children[$0].value < children[$1].value : $0 > $1 } ?? 0
    return
      "max over \(children.count) interests of user \(profile.userId): "
      + "nearest is interest \(best + 1) \"\(profile.interests[best].label)\""
  }

  /// The user's share of engagement weight on the document's value of the affinity's field (the largest share
  /// when the document has several values).
  func affinity(
    _ kind: UserAffinity.Kind, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder
  ) -> FeatureNode {
    let inputs: PersonalizationInputs
    switch self.inputs(kind.signal, context, node) {
    case .failure(let failure): return failure.node
    case .success(let found): inputs = found
    }
    guard let affinity = inputs.affinities[kind.ordinal] else {
      return node.leaf(
        0, "0: user \(inputs.user.profile.userId)'s profile has no \(kind.rawValue) affinity (the index lacks the field)")
    }
    let values: [String]
    if let table = inputs.valueTables[kind.ordinal] {
      // A keyword field: the user's values the document holds, from the postings.
      values = table.values(of: data.document)
      guard !values.isEmpty else {
        return node.leaf(
          0,
          "0: user \(inputs.user.profile.userId) has no engagement with the document's \(affinity.field) "
            + "(\(UserModelBuilder.values(data.stored[affinity.field]).map { "\"\($0)\"" }.joined(separator: ", ")))")
      }
    } else {
      values = UserModelBuilder.values(data.stored[affinity.field])
      guard !values.isEmpty else { return node.leaf(0, "0: the document has no \(affinity.field)") }
    }
    let events = inputs.user.profile.events
    let shares = values.map { value in
      affinity.share(
        of: value, events: events, contributors: registry.settings.personalContributorCount, node: node,
        describe: { describe(events[$0], profile: inputs.user.profile) })
    }
    if shares.count == 1 { return shares[0] }
    return node.combine(
      .max, "largest \(kind.rawValue) affinity over the document's \(values.count) \(affinity.field) values", shares)
  }

  /// 1 when the document is among the user's seen (or, with `hidden`, hidden) documents; the explanation lists
  /// the events.
  func seenBefore(hidden: Bool, _ data: CandidateData, _ context: FeatureContext, _ node: FeatureNodeBuilder) -> FeatureNode {
    let inputs: PersonalizationInputs
    switch self.inputs(hidden ? .hiddenBefore : .seenBefore, context, node) {
    case .failure(let failure): return failure.node
    case .success(let found): inputs = found
    }
    let isMember =
      hidden ? inputs.user.profile.hiddenDocuments.contains(data.id) : inputs.user.profile.seenDocuments.contains(data.id)
    guard isMember else {
      return node.leaf(0, "0: user \(inputs.user.profile.userId) never \(hidden ? "hid" : "engaged with") \(data.id)")
    }
    let profile = inputs.user.profile
    let events = profile.events.indices.filter {
      profile.events[$0].documentId == data.id && (profile.events[$0].action == .hide) == hidden
    }
    return node.leaf(
      1,
      "1: user \(profile.userId) \(hidden ? "hid" : "engaged with") \(data.id) "
        + "(\(events.count) event\(events.count == 1 ? "" : "s"))",
      events.suffix(registry.settings.personalContributorCount).reversed().map { index in
        node.leaf(profile.events[index].weight, describe(profile.events[index], profile: profile))
      })
  }

  // MARK: Labels

  /// `action of id "title" N days ago (search "q"): weight a × decay`.
  func describe(_ event: UserEvent, profile: UserProfile) -> String {
    let days = max(0, profile.referenceTime - event.timestamp) / 86_400
    let query = event.query.map { " from the search \"\($0)\"" } ?? ""
    return
      "\(event.action.rawValue) of \(event.documentId) \(title(event.document)) \(format(days)) days ago\(query): "
      + "weight \(format(event.weight))"
  }

  /// The document's display title in quotes (empty when it has none).
  func title(_ document: Int) -> String {
    let key = reader.schema.display.title ?? registry.settings.titleField ?? "title"
    guard let members = try? reader.storedMembers(document, keys: [key]), let text = members[key]?.stringValue else { return "" }
    return "\"\(text.count > 60 ? String(text.prefix(57)) + "…" : text)\""
  }

  private func format(_ value: Double) -> String { JSONWriter.format((value * 1000).rounded() / 1000) }
}

/// A feature that is 0 before any computation, with the node saying why.
struct FeatureNodeFailure: Error {
  let node: FeatureNode
}

extension UserAffinity {
  /// The share of `value`: `(Σ of its events' weights) / totalWeight`, the events added heaviest first, the
  /// first `contributors` one by one and the rest as one sum (the same arithmetic whether or not explained).
  func share(
    of value: String, events: [UserEvent], contributors: Int, node: FeatureNodeBuilder,
    describe: (Int) -> String
  ) -> FeatureNode {
    guard totalWeight > 0 else { return node.leaf(0, "0: no pooled engagement (total weight 0)") }
    guard let entry = entries[value], !entry.events.isEmpty else {
      return node.leaf(0, "0: no engagement with \(field) \"\(value)\"")
    }
    if !node.explaining {
      // The arithmetic of the explained path below (a sum of the first `contributors` weights and then of the
      // rest), without building nodes.
      let head = min(max(0, contributors), entry.events.count)
      var numerator = 0.0
      for index in entry.events[..<head] { numerator += events[index].weight }
      if head < entry.events.count {
        var rest = 0.0
        for index in entry.events[head...] { rest += events[index].weight }
        numerator += rest
      }
      return FeatureNode(value: numerator / totalWeight, explanation: nil)
    }
    var parts = entry.events.prefix(max(0, contributors)).map { index in node.leaf(events[index].weight, describe(index)) }
    let rest = entry.events.dropFirst(max(0, contributors))
    if !rest.isEmpty {
      parts.append(
        node.sum("the other \(rest.count) events", rest.map { index in node.leaf(events[index].weight, describe(index)) }))
    }
    let numerator = node.sum("weight on \(field) \"\(value)\" (\(entry.events.count) events)", parts)
    return node.ratio(
      "\(kind.rawValue) affinity for \"\(value)\" = weight on it / all pooled weight", numerator,
      node.leaf(totalWeight, "all pooled weight (Σ w_e over the user's events)"))
  }
}

extension UserProfile {
  /// The user's affinity for `value` of the `kind` field (0 when unknown), as `category_affinity` and the
  /// other affinity features compute it.
  public func affinityShare(_ kind: UserAffinity.Kind, value: String) -> Double {
    guard let affinity = affinity(kind) else { return 0 }
    let key =
      affinity.entries[value] != nil
      ? value : affinity.entries[value.lowercased()] != nil ? value.lowercased() : UserAffinity.normalize(value)
    return affinity.share(
      of: key, events: events, contributors: 5,
      node: FeatureNodeBuilder(explaining: false), describe: { _ in "" }
    ).value
  }
}
