extension SearchResponse {
  /// The response as JSON: `query`, `filters`, `terms`, `totalMatches` (at least that many when
  /// `totalMatchesIsExact` is false: a pruned search does not count every match), `totalMatchesIsExact`,
  /// `profile` (when one ran), `fusion` (hybrid only), `generators`, `hits` (each with `id`, `rank`, `score`, `fields`, `sources`, and
  /// `rewrites` and `explanation` when asked), `understanding` (when query understanding ran), `trace`.
  public func json(query: String, storedFields: (SearchHit) throws -> JSONValue) rethrows -> JSONValue {
    var hitValues: [JSONValue] = []
    for hit in hits {
      var members: [JSONMember] = [
        JSONMember("id", .string(hit.id)),
        JSONMember("rank", .number(Double(hit.rank))),
        JSONMember("score", .number(hit.score)),
        JSONMember("fields", try storedFields(hit)),
      ]
      if !hit.sources.isEmpty {
        members.append(JSONMember("sources", .array(hit.sources.map { source in
          .object([JSONMember("generator", .string(source.generator)), JSONMember("rank", .number(Double(source.rank))),
                   JSONMember("score", .number(source.score))])
        })))
      }
      if !hit.rewrites.isEmpty { members.append(JSONMember("rewrites", .array(hit.rewrites.map { .string($0) }))) }
      if let explanation = hit.explanation { members.append(JSONMember("explanation", explanation.json)) }
      hitValues.append(.object(members))
    }
    let traceValues: [JSONValue] = trace.map { stage in
      var members = [JSONMember("stage", .string(stage.name)), JSONMember("in", .number(Double(stage.inputCount))),
                     JSONMember("out", .number(Double(stage.outputCount)))]
      if let cutoff = stage.cutoffScore { members.append(JSONMember("cutoff", .number(cutoff))) }
      members.append(JSONMember("milliseconds", .number((stage.seconds * 1e6).rounded() / 1e3)))
      return .object(members)
    }
    var members: [JSONMember] = [
      JSONMember("query", .string(query)),
      JSONMember("terms", .array(parsedQuery.terms.map { .string($0.text) })),
      JSONMember("filters", .array(parsedQuery.filters.map { .string($0.description) })),
      JSONMember("totalMatches", .number(Double(totalMatches))),
      JSONMember("totalMatchesIsExact", .bool(totalMatchesIsExact)),
    ]
    if let profile { members.append(JSONMember("profile", .string(profile))) }
    if let interpretation { members.append(JSONMember("understanding", interpretation.json)) }
    if let whyNot {
      members.append(JSONMember("whyNot", .object([
        JSONMember("id", .string(whyNot.documentId)), JSONMember("verdict", .string(whyNot.verdict)),
        JSONMember("steps", .array(whyNot.steps.map { step in
          var stepMembers = [JSONMember("stage", .string(step.stage)), JSONMember("passed", .bool(step.passed)),
                             JSONMember("detail", .string(step.detail))]
          if let score = step.score { stepMembers.append(JSONMember("score", .number(score))) }
          if let cutoff = step.cutoff { stepMembers.append(JSONMember("cutoff", .number(cutoff))) }
          return .object(stepMembers)
        })),
      ])))
    }
    if let fusion {
      var fusionMembers = [JSONMember("method", .string(fusion.method.rawValue))]
      switch fusion.method {
      case .rrf: fusionMembers.append(JSONMember("k", .number(fusion.k)))
      case .weighted: fusionMembers.append(JSONMember("normalization", .string(fusion.normalization.rawValue)))
      }
      fusionMembers.append(JSONMember("depth", .number(Double(fusion.depth))))
      fusionMembers.append(JSONMember("weights", .object(fusion.weights.sorted { $0.key < $1.key }.map {
        JSONMember($0.key, .number($0.value))
      })))
      members.append(JSONMember("fusion", .object(fusionMembers)))
    }
    if !generators.isEmpty {
      members.append(JSONMember("generators", .array(generators.map { report in
        var values = [JSONMember("name", .string(report.name)), JSONMember("candidates", .number(Double(report.candidateCount))),
                      JSONMember("matches", .number(Double(report.matchCount)))]
        if let note = report.note { values.append(JSONMember("note", .string(note))) }
        return .object(values)
      })))
    }
    members += [JSONMember("hits", .array(hitValues)), JSONMember("trace", .array(traceValues))]
    return .object(members)
  }
}
