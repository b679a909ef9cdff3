/// The `README.md` written beside the sample world: how it was made, what each file holds, what is simulated.
enum SampleDataReadme {
  /// The README for a generated world whose files have the given sizes in bytes.
  static func text(for world: SampleWorld, fileSizes: [(path: String, bytes: Int)]) -> String {
    let configuration = world.configuration
    let counts = Statistics(world: world)
    let sizeRows = fileSizes.map { "| `\($0.path)` | \(megabytes($0.bytes)) |" }.joined(separator: "\n")
    return """
      # Rankscope sample world

      A simulated, Pinterest-like world to search and explore: \(counts.pins) pins in \(counts.categories) \
      categories over \(counts.verticals) verticals, \(counts.users) users, \(counts.events) engagement events, \
      a query log of \(counts.searches) searches and graded judgments for \(counts.judgedQueries) queries. \
      **Everything here is simulated**: no real pin, person or search is in it.

      ## How it was generated

      ```
      rankscope sample generate --seed \(configuration.seed) --out SampleData
      ```

      The generator is the `RankscopeSampleWorld` module (`Sources/RankscopeSampleWorld/`). It needs nothing but
      the Swift standard library and Foundation, and it is deterministic: the same seed gives byte-identical
      files on any machine (its own SplitMix64 generator, integer-based formatting, no dictionary order in the
      output, no platform math library). Configuration: seed \(configuration.seed), \(configuration.pinCount) \
      pins, \(configuration.userCount) users, \(configuration.eventCount) events, \(configuration.searchCount) \
      searches, \(configuration.judgedQueryCount) judged queries. Files are written to a temporary name and
      renamed into place.

      ## Files

      | File | Size |
      | --- | --- |
      \(sizeRows)

      ### `pins.jsonl` — \(counts.pins) documents

      One JSON object per line with exactly these keys: `id` ("p000001"…), `title`, `description` (one to
      three sentences), `board` (the board it was saved to), `tags` (two to six lower-case strings), `category`
      (\(counts.categories) values, e.g. "kitchen design"), `vertical` (\(counts.verticals) values, e.g. "home \
      decor"), `type` ("image" \(counts.images), "video" \(counts.videos), "product" \(counts.products)), `price` \
      (dollars with two decimals, **only on products**, absent otherwise), `domain` (an invented source domain),
      `created` (Unix seconds, 2023-01-01 to 2025-06-30), `saves`, `clicks` (heavy-tailed, driven by the pin's
      latent quality and age), `color` (dominant colour name) and `visual` (32 numbers with four decimals, a
      **simulated** visual embedding: see below). Verticals: \(counts.verticalNames).

      ### `schema.json`

      The engine schema for the pins: text fields `title` (BM25F weight 3), `description` (1), `board` (1.5),
      `tags` (2, b = 0.5); keyword fields `category`, `vertical`, `type`, `domain`, `color`; numeric fields
      `price`, `created`, `saves`, `clicks`; vector fields `visual` (dimension 32) and `text_embedding`
      (dimension 384: the all-MiniLM-L6-v2 embedding of each pin's title and description, read from
      `pin-embeddings.rsev` when the index is built, and searched through an HNSW graph with M 16,
      efConstruction 100, efSearch 64, seed 1).

      ### `pin-embeddings.rsev`

      The pins' text embeddings, precomputed so the first run does not wait on the encoder: float16 vectors
      keyed by pin id (Rankscope's embeddings file format; see `EmbeddingFile` in the engine). Not written by
      the generator: after generating, make it with
      `rankscope embed --documents SampleData/pins.jsonl --fields title,description --out SampleData/pin-embeddings.rsev`
      (needs the model: `scripts/fetch-model.sh`). The query is embedded live in the explorer when the model
      is present; without it, the explorer says semantic retrieval is off and why.

      ### `users.jsonl` — \(counts.users) users

      `{"id":"u0001","name":"…","interests":{"kitchen design":0.4,…}}`. Names are drawn from common first and
      last names. `interests` is the user's **latent** mixture of two to five categories (shares add up to 1,
      largest first): the simulated truth that drives their searches and engagement, published so that
      personalization can be checked against it.

      ### `events.jsonl` — \(counts.events) events

      `{"user","doc","action","ts"}` plus `"query"` when the engagement came from a search, in time order
      (1 July to 31 December 2025). Actions: click \(counts.clicks), save \(counts.saves), closeup \
      \(counts.closeups), hide \(counts.hides); \(counts.eventsWithQuery) events carry a query.

      ### `query-log.jsonl` — \(counts.searches) searches

      `{"user","query","ts","shown":[10 pin ids],"clicked":[ids]}` in time order. Queries come from users'
      interests; \(counts.misspelledShare) of them carry a typo (two letters swapped, a letter dropped or doubled) and \
      \(counts.refinementShare) refine the same user's previous query by appending words ("farmhouse kitchen" →
      "farmhouse kitchen open shelving"). \(counts.searchesWithClicks) searches have at least one click \
      (\(counts.totalLoggedClicks) clicks in all). A search typed with a typo also carries `"intended"`, the query \
      meant: ground truth for evaluating spelling correction (`rankscope bench understanding`); the engine never reads it.

      ### `judgments/queries.jsonl` and `judgments/qrels.txt` — \(counts.judgedQueries) queries, \
      \(counts.judgments) judgments

      Queries as `{"id":"q001","text":"…"}`; judgments in TREC qrels form, `qid 0 docid grade`, sorted by query
      then pin. Grades (\(counts.gradeHistogram)) come from the latent truth, not from text:
      3 = same category and every attribute the query asks for (subject, style, material, colour, occasion,
      feature); 2 = same category and all of them but one; 1 = same category and fewer, or same vertical and
      at least one; 0 = not relevant. Pins of low latent quality (below 0.3: thin or spammy) lose one grade. Each query's pool (\
      \(counts.poolRange) pins) joins the pins sharing the most informative words with the query, pins the
      truth says are relevant, and random pins of the category, the vertical and the whole collection. Every
      query has at least one pin graded 2 or more. About one query in twenty carries a typo; those have
      `"intended"`, the query meant.

      ## What is simulated

      Everything. Each pin has a **latent truth**: a category, a subject, a style, a material (or main
      ingredient, or destination), features, an occasion, a dominant colour and a quality. Its text is written
      from that truth with per-category grammars; its `visual` vector is a weighted sum of fixed random
      directions for its category, vertical, style, colour, material and subject plus noise, scaled to unit
      length (no image model is involved, and pins sharing style and colour are close); its clicks and saves
      follow a log-normal law whose mean grows with quality and age. Users' interests are latent mixtures.
      Search results in the log come from a simulated production ranker (latent relevance + quality +
      popularity + Gaussian noise) and clicks from a position-based click model, `P(click at rank r) =
      r^-0.8 × attractiveness(grade, quality)` (Richardson et al. 2007; Craswell et al. 2008), so logged clicks
      carry position bias.

      ## Design of the generator

      The vocabulary is data (`SampleCatalog+*.swift`): per vertical, shared styles, occasions, adjectives,
      board names, domains and sentence patterns for titles, videos, products and description sentences; per
      category, dozens of subjects, products, styles, materials and features, several with synonyms ("sofa" /
      "couch", "mid-century modern" / "mcm") that texts and queries use some of the time, so exact word
      matching misses part of what is relevant. Patterns are a small grammar: `{slot}` inserts an attribute,
      `[words]` are optional, `<one|another>` alternatives, and articles and verbs agree with the subject. Lists
      are drawn with Zipf-like weights, so a few subjects and styles dominate as on a real site.

      Each pin draws from its own random stream (seed, "pin", index), so a pin does not depend on how many
      come before it; users, searches, browsing and judgments each have their own stream too. Searches come in
      sessions of one to five queries from one user; a follow-up refines the previous query by appending an
      attribute of the pin that inspired it; 8% of typed queries get a typo (the production ranker, which reads
      the intent, is noisier on them). Browsing events are drawn from users' interests by pin popularity.
      Some pins have vague titles that name no subject ("Saving this boho idea for later"), more often the
      poorer ones, as on the real site.
      Judged queries are written the same way as logged ones, spread evenly over categories, and are distinct.

      The production ranker and the judging pool never call the engine, so the data does not flatter it: a
      text search finds many relevant pins but not all (synonyms, attributes shown only in the image), and
      ranks some irrelevant ones high (descriptions that mention other styles).

      """
  }

  /// Bytes as megabytes with two decimals, or kilobytes below one megabyte.
  static func megabytes(_ bytes: Int) -> String {
    if bytes < 1_048_576 { return FixedPoint.format((bytes * 10 + 512) / 1_024, decimals: 1) + " KB" }
    return FixedPoint.format((bytes * 100 + 524_288) / 1_048_576, decimals: 2) + " MB"
  }

  /// Counts quoted in the README.
  struct Statistics {
    var pins = 0, categories = 0, verticals = 0, users = 0, events = 0, searches = 0
    var judgedQueries = 0, judgments = 0
    var images = 0, videos = 0, products = 0
    var clicks = 0, saves = 0, closeups = 0, hides = 0, eventsWithQuery = 0
    var searchesWithClicks = 0, totalLoggedClicks = 0
    var misspelledShare = "", refinementShare = "", gradeHistogram = "", poolRange = "", verticalNames = ""

    init(world: SampleWorld) {
      pins = world.pins.count
      categories = Set(world.pins.map(\.category)).count
      var verticalsSeen: [String] = []
      for pin in world.pins where !verticalsSeen.contains(pin.vertical) { verticalsSeen.append(pin.vertical) }
      verticals = verticalsSeen.count
      verticalNames = SampleCatalog.verticals.map(\.name).filter(verticalsSeen.contains).joined(separator: ", ")
      users = world.users.count
      events = world.events.count
      searches = world.searches.count
      judgedQueries = world.judgedQueries.count
      judgments = world.judgments.count
      for pin in world.pins {
        switch pin.kind {
        case .image: images += 1
        case .video: videos += 1
        case .product: products += 1
        }
      }
      for event in world.events {
        switch event.action {
        case .click: clicks += 1
        case .save: saves += 1
        case .closeup: closeups += 1
        case .hide: hides += 1
        }
        if event.query != nil { eventsWithQuery += 1 }
      }
      searchesWithClicks = world.searches.filter { !$0.clicked.isEmpty }.count
      totalLoggedClicks = world.searches.reduce(0) { $0 + $1.clicked.count }
      misspelledShare = Self.percent(world.searches.filter(\.isMisspelled).count, of: searches)
      refinementShare = Self.percent(world.searches.filter(\.isRefinement).count, of: searches)
      var histogram = [0, 0, 0, 0]
      for judgment in world.judgments { histogram[judgment.grade] += 1 }
      gradeHistogram = (0...3).map { "grade \($0): \(histogram[$0])" }.joined(separator: ", ")
      var poolSizes: [String: Int] = [:]
      for judgment in world.judgments { poolSizes[judgment.queryID, default: 0] += 1 }
      let sizes = poolSizes.values
      poolRange = sizes.isEmpty ? "0" : "\(sizes.min()!)–\(sizes.max()!)"
    }

    /// `part / whole` as a percentage with one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
      guard whole > 0 else { return "0%" }
      return FixedPoint.format((part * 1_000 + whole / 2) / whole, decimals: 1) + "%"
    }
  }
}
