#!/usr/bin/env python3
"""Top-10 BM25 latency of two peer engines (tantivy, bm25s) on the sample world's pins and query log, for a
side-by-side with `rankscope bench` in the same session. Run with the peer harness's virtual environment:

    ~/.cache/rankscope-bench/venv/bin/python scripts/bench-peers-sample.py [--queries N]

Each pin is indexed as one text (title, description, board and tags joined); the peers use their own
tokenizers, so their rankings differ from Rankscope's BM25F: this compares speed, not ranking.
"""
import argparse, json, shutil, tempfile, time
from pathlib import Path
import numpy as np

root = Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--queries", type=int, default=0, help="use at most this many queries (0 = all)")
args = parser.parse_args()

pins = [json.loads(line) for line in open(root / "SampleData/pins.jsonl")]
docs = [" ".join([p["title"], p["description"], p["board"], " ".join(p["tags"])]) for p in pins]
queries = [json.loads(line)["query"] for line in open(root / "SampleData/query-log.jsonl")]
if args.queries:
    queries = queries[: args.queries]

def stats(name, fn):
    for q in queries[:500]:
        fn(q)
    lat = []
    start = time.perf_counter()
    for q in queries:
        t = time.perf_counter_ns()
        fn(q)
        lat.append(time.perf_counter_ns() - t)
    wall = time.perf_counter() - start
    ms = np.asarray(lat) / 1e6
    print(f"{name:8s} top-10 latency (ms): p50 {np.percentile(ms, 50):.3f}  p90 {np.percentile(ms, 90):.3f}  "
          f"p99 {np.percentile(ms, 99):.3f}  mean {ms.mean():.3f}  | {len(queries) / wall:.0f} queries/s on one thread")

import tantivy
builder = tantivy.SchemaBuilder()
builder.add_text_field("body", stored=False, tokenizer_name="en_stem", index_option="freq")
schema = builder.build()
directory = tempfile.mkdtemp(prefix="rankscope-peer-tantivy-")
try:
    index = tantivy.Index(schema, path=directory)
    writer = index.writer(heap_size=256 << 20, num_threads=1)
    for text in docs:
        writer.add_document(tantivy.Document(body=text))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    def tantivy_query(text):
        cleaned = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
        if not cleaned.strip():
            return []
        return searcher.search(index.parse_query(cleaned, ["body"]), 10).hits
    stats("tantivy", tantivy_query)
finally:
    shutil.rmtree(directory, ignore_errors=True)

import bm25s
tokens = bm25s.tokenize(docs, stopwords="en", lower=True, show_progress=False)
retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
retriever.index(tokens, show_progress=False)
vocabulary = retriever.vocab_dict
def bm25s_query(text):
    words = [w for w in text.lower().split() if w in vocabulary]
    if not words:
        return []
    documents, _ = retriever.retrieve([words], k=10, show_progress=False, n_threads=1)
    return documents[0]
stats("bm25s", bm25s_query)
