#!/usr/bin/env bash
# End-to-end checks of the command line on the sample world: search (table and JSON with explanations),
# eval, a headless replay of a session, a clear error for bad input. Usage: scripts/cli-smoke.sh path/to/rankscope
set -euo pipefail
binary=${1:-.build/release/rankscope}
fail() { echo "cli-smoke: FAIL: $*" >&2; exit 1; }

"$binary" index build >/dev/null 2>&1 || fail "index build"
out=$("$binary" search "rustic farmhouse kitchen" -k 3)
echo "$out" | head -n 8
echo "$out" | grep -q "^  1\." || fail "table output has no first hit"

json=$("$binary" search "wedding cake" --explain --format json -k 2)
python3 - "$json" <<'PY' || fail "JSON output"
import json, sys
doc = json.loads(sys.argv[1])
hits = doc["hits"]
assert hits, "no hits"
def check(node):
    assert {"value", "label", "combination", "children"} <= node.keys(), node.keys()
    for child in node["children"]: check(child)
for hit in hits:
    assert {"id", "rank", "score", "fields", "explanation"} <= hit.keys()
    assert hit["explanation"]["value"] == hit["score"], "root != score"
    check(hit["explanation"])
print(f"json: {len(hits)} hits, root equals score, every node has value/label/combination/children")
PY

# Query understanding on the sample world: a typo corrected, a synonym and a phrase applied, each hit naming the
# rewrites that found it, and the explanation still equal to the score.
understood=$("$binary" search "mid century modern sofaa" --understand --explain --format json -k 5)
python3 - "$understood" <<'PY' || fail "search --understand"
import json, sys
doc = json.loads(sys.argv[1])
u = doc["understanding"]
assert u["searched"] == "mid century modern sofa", u["searched"]
kinds = {r["kind"] for r in u["rewrites"] if r["applied"]}
assert {"spelling", "synonym", "phrase"} <= kinds, kinds
assert any(hit.get("rewrites") for hit in doc["hits"]), "no hit names a rewrite"
for hit in doc["hits"]:
    assert hit["explanation"]["value"] == hit["score"], "root != score"
print(f"understanding: {len(u['rewrites'])} rewrites ({', '.join(sorted(kinds))}), every hit's explanation equals its score")
PY

# Hybrid retrieval (BM25F + text embedding, fused) when the model is there, else a clear reason.
if hybrid=$("$binary" search "cozy reading corner" --retrieval hybrid --explain --format json -k 5 2>/tmp/rankscope-hybrid-err.txt); then
  python3 - "$hybrid" <<'PY' || fail "hybrid JSON output"
import json, sys
doc = json.loads(sys.argv[1])
assert doc["fusion"]["method"] == "rrf", doc.get("fusion")
assert [g["name"] for g in doc["generators"]][:2] == ["bm25f", "ann:text_embedding"], doc["generators"]
for hit in doc["hits"]:
    assert hit["sources"], hit["id"]
    assert hit["explanation"]["value"] == hit["score"], "root != score"
    rrf = sum(1 / (60 + s["rank"]) for s in hit["sources"])
    assert abs(rrf - hit["score"]) < 1e-12, (rrf, hit["score"])
print(f"hybrid: {len(doc['hits'])} hits, sources on every hit, RRF scores check, root equals score")
PY
  "$binary" search "cozy reading corner" --retrieval hybrid --weights bm25f=1,ann:text_embedding=1,popular:category=0.5 -k 3 | head -n 8
else
  grep -q "hybrid retrieval is off" /tmp/rankscope-hybrid-err.txt || fail "unclear hybrid error: $(cat /tmp/rankscope-hybrid-err.txt)"
  echo "hybrid: off ($(cat /tmp/rankscope-hybrid-err.txt))"
fi

"$binary" eval | tee /tmp/rankscope-eval.txt
grep -q "nDCG@10" /tmp/rankscope-eval.txt || fail "eval output"

# A hand-written session replayed headless: type, F3 to the first profile (bm25), Esc (closes the autocomplete
# dropdown the sample's query log opens while typing; Tab would cycle its suggestions), Tab, Down.
session=$(mktemp --suffix=.session)
printf '%s\n' '{"rankscope_session":1,"width":100,"height":30}' '{"t":0,"text":"linen dress"}' '{"t":500,"key":"F3"}' \
  '{"t":800,"key":"Esc"}' '{"t":900,"key":"Tab"}' '{"t":1200,"key":"Down"}' > "$session"
screen=$("$binary" replay "$session" --headless) || fail "replay --headless"
echo "$screen" | head -n 1 | grep -q "linen dress" || fail "the replayed screen does not show the query"
echo "$screen" | grep -q "profile bm25" || fail "the replayed screen does not show the bm25 profile"
echo "$screen" | grep -qE "^> +2 " || fail "the second hit is not selected after the replay"
echo "replay --headless: $(echo "$screen" | grep -E '^> +2 ' | sed 's/  */ /g')"
rm -f "$session"

if "$binary" search "x" --index /nonexistent 2>/tmp/rankscope-err.txt; then fail "a missing index should fail"; fi
grep -q "no such index directory" /tmp/rankscope-err.txt || fail "unclear error: $(cat /tmp/rankscope-err.txt)"
[ "$(wc -l < /tmp/rankscope-err.txt)" -eq 1 ] || fail "the error should be one line"
echo "cli-smoke: ok"
