extension SearchResponse {
  /// The response as JSON: `query`, `filters`, `terms`, `totalMatches` (at least that many when
  /// `totalMatchesIsExact` is false: a pruned search does not count every match), `totalMatchesIsExact`, `hits` (each with `id`, `rank`,
  /// `score`, `fields`, and `explanation` when asked), `trace`.
  public func json(query: String, storedFields: (SearchHit) throws -> JSONValue) rethrows -> JSONValue {
    var hitValues: [JSONValue] = []
    for hit in hits {
      var members: [JSONMember] = [
        JSONMember("id", .string(hit.id)),
        JSONMember("rank", .number(Double(hit.rank))),
        JSONMember("score", .number(hit.score)),
        JSONMember("fields", try storedFields(hit)),
      ]
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
    return .object([
      JSONMember("query", .string(query)),
      JSONMember("terms", .array(parsedQuery.terms.map { .string($0.text) })),
      JSONMember("filters", .array(parsedQuery.filters.map { .string($0.description) })),
      JSONMember("totalMatches", .number(Double(totalMatches))),
      JSONMember("totalMatchesIsExact", .bool(totalMatchesIsExact)),
      JSONMember("hits", .array(hitValues)),
      JSONMember("trace", .array(traceValues)),
    ])
  }
}
