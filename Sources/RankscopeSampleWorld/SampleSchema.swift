/// The engine schema of the sample world's pins (`schema.json`).
public enum SampleSchema {
  /// The schema as the engine decodes it: BM25F weights and length normalisation per text field, keyword,
  /// numeric and vector fields, and what to display for a hit.
  public static let json = """
    {
      "idField": "id",
      "k1": 1.2,
      "fields": [
        {"name": "title", "type": "text", "weight": 3.0, "b": 0.75},
        {"name": "description", "type": "text", "weight": 1.0, "b": 0.75},
        {"name": "board", "type": "text", "weight": 1.5, "b": 0.75},
        {"name": "tags", "type": "text", "weight": 2.0, "b": 0.5},
        {"name": "category", "type": "keyword"},
        {"name": "vertical", "type": "keyword"},
        {"name": "type", "type": "keyword"},
        {"name": "domain", "type": "keyword"},
        {"name": "color", "type": "keyword"},
        {"name": "price", "type": "numeric"},
        {"name": "created", "type": "numeric"},
        {"name": "saves", "type": "numeric"},
        {"name": "clicks", "type": "numeric"},
        {"name": "visual", "type": "vector", "dimension": 32},
        {"name": "text_embedding", "type": "vector", "dimension": 384,
         "embedding": {"sources": ["title", "description"], "file": "pin-embeddings.rsev", "model": "all-MiniLM-L6-v2"},
         "index": {"type": "hnsw", "M": 16, "efConstruction": 100, "efSearch": 64, "seed": 1}}
      ],
      "display": {"title": "title", "details": ["category", "type", "price", "saves"]},
      "retrieval": {
        "generators": {"popular": {"category": "category", "popularity": "saves", "sample": 20}},
        "fusion": {"method": "rrf", "k": 60, "depth": 100}
      }
    }

    """
}
