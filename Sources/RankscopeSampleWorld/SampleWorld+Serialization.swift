/// The bytes of each file of the sample world.
extension SampleWorld {
  /// `pins.jsonl`: one pin per line, keys in schema order, `price` only on products.
  public func pinsFile() -> [UInt8] {
    var builder = JSONLineBuilder()
    for pin in pins {
      builder.beginObject()
      builder.member("id", pin.id)
      builder.member("title", pin.title)
      builder.member("description", pin.description)
      builder.member("board", pin.board)
      builder.member("tags", pin.tags)
      builder.member("category", pin.category)
      builder.member("vertical", pin.vertical)
      builder.member("type", pin.kind.rawValue)
      if let cents = pin.priceInCents { builder.member("price", fixed: cents, decimals: 2) }
      builder.member("domain", pin.domain)
      builder.member("created", pin.created)
      builder.member("saves", pin.saves)
      builder.member("clicks", pin.clicks)
      builder.member("color", pin.color)
      builder.member("visual", fixed: pin.visualTenThousandths, decimals: 4)
      builder.endObjectLine()
    }
    return builder.bytes
  }

  /// `users.jsonl`: id, name and interests (largest share first, two decimals).
  public func usersFile() -> [UInt8] {
    var builder = JSONLineBuilder()
    for user in users {
      builder.beginObject()
      builder.member("id", user.id)
      builder.member("name", user.name)
      builder.member("interests", fixedObject: user.interests.map { ($0.category, $0.percent) }, decimals: 2)
      builder.endObjectLine()
    }
    return builder.bytes
  }

  /// `events.jsonl`: user, doc, action, ts and, for engagements from a search, query.
  public func eventsFile() -> [UInt8] {
    var builder = JSONLineBuilder()
    for event in events {
      builder.beginObject()
      builder.member("user", event.user)
      builder.member("doc", event.doc)
      builder.member("action", event.action.rawValue)
      builder.member("ts", event.timestamp)
      if let query = event.query { builder.member("query", query) }
      builder.endObjectLine()
    }
    return builder.bytes
  }

  /// `query-log.jsonl`: user, query, ts, shown (ten ids), clicked, and for a query typed with a typo the query
  /// meant (`intended`: the generator's ground truth for evaluating spelling correction; the engine never reads it).
  public func queryLogFile() -> [UInt8] {
    var builder = JSONLineBuilder()
    for search in searches {
      builder.beginObject()
      builder.member("user", search.user)
      builder.member("query", search.query)
      builder.member("ts", search.timestamp)
      builder.member("shown", search.shown)
      builder.member("clicked", search.clicked)
      if search.isMisspelled { builder.member("intended", search.intendedQuery) }
      builder.endObjectLine()
    }
    return builder.bytes
  }

  /// `judgments/queries.jsonl`: id and text, and for a query generated with a typo the query meant (`intended`).
  public func judgedQueriesFile() -> [UInt8] {
    var builder = JSONLineBuilder()
    for query in judgedQueries {
      builder.beginObject()
      builder.member("id", query.id)
      builder.member("text", query.text)
      if let intended = query.intended { builder.member("intended", intended) }
      builder.endObjectLine()
    }
    return builder.bytes
  }

  /// `judgments/qrels.txt`: TREC qrels, `qid 0 docid grade` per line.
  public func qrelsFile() -> [UInt8] {
    var text = ""
    for judgment in judgments {
      text += "\(judgment.queryID) 0 \(judgment.docID) \(judgment.grade)\n"
    }
    return Array(text.utf8)
  }

  /// Every file, by path relative to the output directory, in writing order.
  public func files() -> [(path: String, bytes: [UInt8])] {
    [
      ("pins.jsonl", pinsFile()),
      ("schema.json", Array(SampleSchema.json.utf8)),
      ("users.jsonl", usersFile()),
      ("events.jsonl", eventsFile()),
      ("query-log.jsonl", queryLogFile()),
      ("judgments/queries.jsonl", judgedQueriesFile()),
      ("judgments/qrels.txt", qrelsFile()),
    ]
  }
}
