extension QueryInterpretation {
  /// The interpretation as JSON: `typed`, `searched`, `rewrites` (each with `id`, `kind`, `original`,
  /// `replacement`, `weight`, `source`, `applied`), and `suggestion` and `spellingConfidence` when present.
  public var json: JSONValue {
    var members: [JSONMember] = [
      JSONMember("typed", .string(typedText)),
      JSONMember("searched", .string(searchedText)),
      JSONMember("rewrites", .array(rewrites.map { rewrite in
        .object([
          JSONMember("id", .string(rewrite.id)), JSONMember("kind", .string(rewrite.kind.rawValue)),
          JSONMember("original", .string(rewrite.original)), JSONMember("replacement", .string(rewrite.replacement)),
          JSONMember("weight", .number(rewrite.weight)), JSONMember("source", .string(rewrite.source)),
          JSONMember("applied", .bool(rewrite.isApplied)),
        ])
      })),
    ]
    if let suggestion { members.append(JSONMember("suggestion", .string(suggestion))) }
    if let spellingConfidence { members.append(JSONMember("spellingConfidence", .number(spellingConfidence))) }
    return .object(members)
  }
}
