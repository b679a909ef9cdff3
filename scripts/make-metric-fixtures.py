#!/usr/bin/env python3
"""Regenerates Tests/RankscopeEngineTests/Fixtures/metrics/: a graded qrels file, two TREC runs and the metrics
trec_eval computes on them, which `TRECEvalFixtureTests` compares with `RankingMetrics` and `Evaluator`.

    python3 -m venv /work/scratch/pyenv && /work/scratch/pyenv/bin/pip install pytrec_eval-terrier
    /work/scratch/pyenv/bin/python scripts/make-metric-fixtures.py

The data is fixed (a seeded generator): 8 queries graded 0-3, query 105 with no relevant document, every query
with unjudged retrieved documents, query 103 retrieving 120 documents with relevant ones past rank 100, query
106 with relevant documents that are never retrieved. Both runs cover every qrels query: trec_eval counts a
qrels query absent from the run only with `-c`, and pytrec_eval never does, so a missing query would be
ambiguous. Scores are distinct except in run-b's query 108, whose ties trec_eval breaks by document id
descending (checked with pytrec_eval 0.5 / trec_eval 9: `{"a": 1, "b": 1}` ranks b first); run lines are
shuffled, because trec_eval orders by score and ignores the rank column.

From pytrec_eval (trec_eval's own code), at full precision: ndcg_cut_5/10, map, P_5/10, recall_5/10/100 and
recip_rank (no cutoff in trec_eval). trec_eval has no ERR or judged@k, so those come from the straightforward
implementation below: ERR@k (Chapelle, Metzler, Zhang & Grinspan, CIKM 2009) with R = (2^g - 1) / 2^g_max and
g_max the qrels' largest grade (3), and judged@k = documents with any judgment (0 included) in the first k, over
k (ir_measures' Judged@k).

expected.json holds per-query values for every qrels query (pytrec_eval reports query 105 too, with zeros)
and two means: over every query ("all", as pytrec_eval's per-query values average) and over the queries with
a relevant judgment ("relevant", the Evaluator's convention).
"""
import json
import random
from pathlib import Path

import pytrec_eval

root = Path(__file__).resolve().parent.parent
out = root / "Tests/RankscopeEngineTests/Fixtures/metrics"
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(6)

QUERIES = [str(q) for q in range(101, 109)]
TREC_MEASURES = ["ndcg_cut_5", "ndcg_cut_10", "map", "P_5", "P_10", "recall_5", "recall_10", "recall_100", "recip_rank"]
ERR_CUTOFFS = [5, 10, 20]
JUDGED_CUTOFFS = [5, 10]


def make_qrels():
    lines = []
    for query in QUERIES:
        documents = rng.sample(range(1, 200), 14)
        for document in documents:
            grade = 0 if query == "105" else rng.choices([0, 1, 2, 3], weights=[5, 3, 2, 1])[0]
            lines.append(f"{query} 0 d{document:03d} {grade}")
    return lines


def make_run(qrels, tag, ties):
    lines = []
    for query in QUERIES:
        judged = sorted(qrels[query])
        if query == "106":  # two relevant documents are never retrieved
            judged = [d for d in judged if qrels[query][d] == 0] + [d for d in judged if qrels[query][d] > 0][2:]
        depth = 120 if query == "103" else rng.randint(12, 30)
        unjudged = [f"d{d:03d}" for d in range(200, 400) if f"d{d:03d}" not in qrels[query]]
        chosen = rng.sample(judged, min(len(judged), rng.randint(6, 11))) + rng.sample(unjudged, depth)
        chosen = chosen[:depth]
        rng.shuffle(chosen)
        if query == "103":  # relevant documents past rank 100
            relevant = [d for d in chosen if qrels[query].get(d, 0) > 0]
            for document in relevant[:2]:
                chosen.remove(document)
                chosen.insert(rng.randint(100, len(chosen)), document)
        if ties and query == "108":  # the tied groups mix grades, so their order matters
            relevant = [d for d in chosen if qrels[query].get(d, 0) > 0][:3]
            nonrelevant = [d for d in chosen if qrels[query].get(d) == 0][:1]
            unjudged = [d for d in chosen if d not in qrels[query]][:3]
            head = [relevant[0], unjudged[0], nonrelevant[0], unjudged[1], relevant[1], unjudged[2], relevant[2]]
            chosen = head + [d for d in chosen if d not in head]
        scores = sorted(rng.sample(range(1000, 99999), len(chosen)), reverse=True)
        ranked = [(document, score / 1000) for document, score in zip(chosen, scores)]
        if ties and query == "108":  # ties within the top 10, broken by document id descending
            ranked = [(document, 100.0 if i < 4 else 90.0 if i < 7 else 80 - i / 2) for i, (document, _) in enumerate(ranked)]
        order = ranked_documents(ranked)
        shuffled = ranked[:]
        rng.shuffle(shuffled)
        for document, score in shuffled:
            lines.append(f"{query} Q0 {document} {order.index(document) + 1} {score:.3f} {tag}")
    return lines


def ranked_documents(entries):
    """trec_eval's order: score descending, equal scores by document id descending."""
    return [document for document, _ in sorted(entries, key=lambda entry: (entry[1], entry[0]), reverse=True)]


def parse_qrels(lines):
    qrels = {}
    for line in lines:
        query, _, document, grade = line.split()
        qrels.setdefault(query, {})[document] = int(grade)
    return qrels


def parse_run(lines):
    run = {}
    for line in lines:
        query, _, document, _, score, _ = line.split()
        run.setdefault(query, {})[document] = float(score)
    return run


def expected_reciprocal_rank(grades, maximum_grade, cutoff):
    total, continuing = 0.0, 1.0
    for rank, grade in enumerate(grades[:cutoff], start=1):
        stopping = (2 ** grade - 1) / 2 ** maximum_grade
        total += continuing * stopping / rank
        continuing *= 1 - stopping
    return total


def judged_share(documents, judged, cutoff):
    return sum(1 for document in documents[:cutoff] if document in judged) / cutoff


def evaluate(qrels, run):
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, set(TREC_MEASURES))
    trec = evaluator.evaluate(run)
    assert sorted(trec) == sorted(QUERIES), "pytrec_eval must report every query"
    maximum_grade = max(grade for grades in qrels.values() for grade in grades.values())
    per_query = {}
    for query in QUERIES:
        documents = ranked_documents(run[query].items())
        grades = [qrels[query].get(document, 0) for document in documents]
        values = {measure: trec[query][measure] for measure in TREC_MEASURES}
        for cutoff in ERR_CUTOFFS:
            values[f"err_{cutoff}"] = expected_reciprocal_rank(grades, maximum_grade, cutoff)
        for cutoff in JUDGED_CUTOFFS:
            values[f"judged_{cutoff}"] = judged_share(documents, qrels[query], cutoff)
        per_query[query] = values
    measures = list(per_query[QUERIES[0]])
    relevant = [q for q in QUERIES if any(grade > 0 for grade in qrels[q].values())]

    def mean(queries):
        return {m: sum(per_query[q][m] for q in queries) / len(queries) for m in measures}

    return {"queries": per_query, "mean_all": mean(QUERIES), "mean_relevant": mean(relevant)}


def main():
    qrels_lines = make_qrels()
    qrels = parse_qrels(qrels_lines)
    runs = {"run-a": make_run(qrels, "fixtureA", ties=False), "run-b": make_run(qrels, "fixtureB", ties=True)}
    (out / "qrels.txt").write_text("\n".join(qrels_lines) + "\n")
    expected = {
        "generator": "scripts/make-metric-fixtures.py",
        "pytrec_eval": getattr(pytrec_eval, "__version__", "pytrec_eval-terrier"),
        "maximum_grade": max(grade for grades in qrels.values() for grade in grades.values()),
        "relevant_queries": [q for q in QUERIES if any(grade > 0 for grade in qrels[q].values())],
        "runs": {},
    }
    for name, lines in runs.items():
        (out / f"{name}.txt").write_text("\n".join(lines) + "\n")
        expected["runs"][name] = evaluate(qrels, parse_run(lines))
    (out / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
