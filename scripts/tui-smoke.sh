#!/usr/bin/env bash
# Smoke-tests the real explorer under tmux: start it in a shell, type a query, check that results and an
# explanation appear, switch rank profiles (F3) and list them (F4), tune one live (F5), ask why not X (F6) and
# why A above B (m, c), open the help, resize, quit, and check the terminal was restored; record a session and
# replay it (headless and in the explorer); compare two rankers (F7, F9), rate results, kill -9 while rating and
# check the ratings survive a restart; autocomplete a prefix (Tab, Enter), refine with a chip (Alt-g, 1) and open
# the refinement inspector (Alt-i).
# Usage: scripts/tui-smoke.sh path/to/rankscope
set -euo pipefail
binary=$(realpath "${1:-.build/release/rankscope}")
session="rankscope-smoke-$$"
capture() { tmux capture-pane -p -t "$session"; }
fail() {
  echo "tui-smoke: FAIL: $*" >&2
  echo "---- pane ----" >&2; capture >&2 || true
  tmux kill-session -t "$session" 2>/dev/null || true
  exit 1
}
wait_for() { # pattern, seconds
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    capture | grep -qE "$1" && return 0
    sleep 0.2
  done
  return 1
}

# Build the sample index first so the explorer opens at once.
"$binary" index build >/dev/null

tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 100 -y 30 "env TERM=xterm-256color bash --norc --noprofile"
tmux send-keys -t "$session" "stty -a | tr ' ' '\n' | grep -xE -- '-?(echo|icanon)' | tr '\n' ' '; echo BEF''ORE" Enter
# The marker is split in the typed command, so only the command's output matches (waiting for the echoed
# command line itself raced with the output and made the capture below come back empty).
wait_for "BEFORE" 10 || fail "shell did not start"
before=$(capture | grep -oE -- '-?echo -?icanon|-?icanon -?echo' | head -n 1 || true)
[ -n "$before" ] || fail "could not read the terminal modes before starting"
tmux send-keys -t "$session" "clear; $binary; echo EXIT=\$?" Enter
wait_for "^›" 20 || fail "the explorer did not start"
[ "$(tmux display -p -t "$session" '#{alternate_on}')" = "1" ] || fail "the explorer is not on the alternate screen"

tmux send-keys -t "$session" -l "rustic kitchen"
wait_for "matches" 10 || fail "no result count after typing"
wait_for "BM25F" 10 || fail "no explanation of the selected result"
# Esc closes the autocomplete dropdown (if the query log completes the text), uncovering the results.
tmux send-keys -t "$session" Escape
sleep 0.3
capture | grep -q "suggestions" && fail "Esc did not close the autocomplete dropdown"
screen=$(capture)
echo "$screen"
echo "$screen" | grep -qiE "kitchen" || fail "no results mention the query"
echo "$screen" | grep -qE "^ *1 " || echo "$screen" | grep -qE " 1[ .│]" || fail "no rank 1 row"
# Results explain their first hit only; the second hit's explanation is asked for when it is selected.
tmux send-keys -t "$session" Down
sleep 0.5
wait_for "BM25F" 10 || fail "no explanation of the second result after moving the selection"
capture | grep -q "Explaining this hit" && fail "the second result's explanation never arrived"
tmux send-keys -t "$session" Up

# F2 cycles lexical → semantic → hybrid → lexical when the model is there, or says why it is off.
tmux send-keys -t "$session" F2
wait_for "semantic │.*matches|retrieval (is|are) off" 15 || fail "F2 did not switch retrieval or explain why not"
semantic_on=0
if capture | grep -qE "retrieval (is|are) off"; then
  echo "semantic and hybrid retrieval: off ($(capture | grep -oE 'retrieval (is|are) off[^│]*' | head -n 1))"
else
  wait_for "cosine\(query" 10 || fail "no semantic explanation"
  echo "semantic retrieval: on"
  semantic_on=1
  tmux send-keys -t "$session" F2
  wait_for "hybrid · RRF k=60 │.*candidates" 15 || fail "F2 did not switch to hybrid retrieval"
  wait_for "reciprocal rank fusion" 10 || fail "no fusion explanation"
  capture | grep -qE " L[0-9]+ +S[0-9]+ | S[0-9]+ +L[0-9]+ " || fail "no provenance markers (L… S…) in the results"
  echo "hybrid retrieval: on"
  tmux send-keys -t "$session" F2
  wait_for "BM25F │" 10 || fail "F2 did not cycle back to BM25F"
fi

# F3 makes the first rank profile of SampleData/profiles (bm25) active and searches again; F4 lists them all;
# F2 turns the profile off.
tmux send-keys -t "$session" F3
wait_for "profile bm25: retrieve" 15 || fail "F3 did not make the bm25 profile active"
echo "rank profile: $(capture | grep -oE 'profile bm25[^│]*' | tail -n 1)"
tmux send-keys -t "$session" F4
wait_for "Rank profiles" 5 || fail "F4 did not open the profiles overlay"
capture | grep -q "hybrid-diverse" || fail "the profiles overlay does not list hybrid-diverse"
tmux send-keys -t "$session" Escape
sleep 0.3
tmux send-keys -t "$session" F2
wait_for "profile bm25 off" 10 || fail "F2 did not turn the profile off"

tmux send-keys -t "$session" Down
sleep 0.3
tmux send-keys -t "$session" "?"
wait_for "[Kk]eys|[Hh]elp" 5 || fail "the help overlay did not open"
tmux send-keys -t "$session" Escape
sleep 0.3

tmux resize-window -t "$session" -x 60 -y 15 2>/dev/null || tmux resize-pane -t "$session" -x 60 -y 15 || true
sleep 0.5
capture | grep -q . || fail "blank screen after resize"
tmux resize-window -t "$session" -x 30 -y 6 2>/dev/null || true
sleep 0.5
tmux resize-window -t "$session" -x 100 -y 30 2>/dev/null || true
sleep 0.5

tmux send-keys -t "$session" C-c
wait_for "EXIT=" 10 || fail "the explorer did not quit on Ctrl-C"
capture | grep -q "EXIT=0" || fail "non-zero exit: $(capture | grep EXIT=)"
[ "$(tmux display -p -t "$session" '#{alternate_on}')" = "0" ] || fail "still on the alternate screen after quitting"
tmux send-keys -t "$session" "clear; stty -a | tr ' ' '\n' | grep -xE -- '-?(echo|icanon)' | tr '\n' ' '; echo AFT''ER" Enter
wait_for "AFTER" 10 || fail "the shell did not come back"
after=$(capture | grep -oE -- '-?echo -?icanon|-?icanon -?echo' | head -n 1 || true)
[ "$before" = "$after" ] || fail "terminal modes changed: before '$before', after '$after'"

# F5 opens the tuning panel of the active profile; a key edits it in memory (the status line marks it
# modified), re-ranks at once and shows what moved. The profile (L1 and a blend, no text embedding needed, so
# it runs without the model) comes from a temporary folder.
tuning_dir=$(mktemp -d)
cat > "$tuning_dir/smoke-tuning.json" <<'JSON'
{
  "name": "smoke-tuning",
  "description": "BM25F, a linear L1 and a blend with a board limit, for the smoke test",
  "retrieve": {"generators": {"bm25f": 500}},
  "l1": {"keep": 100, "weights": {"bm25f": 1.0, "title_coverage": 1.0}},
  "blend": {"keep": 30, "board_field": "board", "max_per_board": 2, "type_field": "type", "type_quotas": {"video": 0.4}}
}
JSON
tmux send-keys -t "$session" "clear; $binary --profiles '$tuning_dir' --query 'rustic kitchen' --profile smoke-tuning; echo EXIT=\$?" Enter
wait_for "profile smoke-tuning[ :].*matches" 20 || fail "--profile smoke-tuning is not active at start"
tmux send-keys -t "$session" F5
wait_for "Tune smoke-tuning" 5 || fail "F5 did not open the tuning panel"
tmux send-keys -t "$session" Down
sleep 0.2
tmux send-keys -t "$session" Right
wait_for "profile smoke-tuning\*" 10 || fail "no modified-profile marker after a tuning key"
wait_for "L1 title_coverage 1\.0 → 1\.1" 5 || fail "the tuning change is not named in the status line"
wait_for "^> +1 (=|↑[0-9]+|↓[0-9]+|new) " 10 || fail "no movement arrows after the re-rank"
echo "tuning: $(capture | grep -oE 'profile smoke-tuning\*[^│]*' | tail -n 1)"
tmux send-keys -t "$session" Escape
sleep 0.2
tmux send-keys -t "$session" C-c
wait_for "EXIT=" 10 || fail "the explorer did not quit after tuning"
capture | grep -q "EXIT=0" || fail "non-zero exit after tuning: $(capture | grep EXIT=)"
rm -rf "$tuning_dir"

# F6 asks "why not X" for the sample's first pin: the report (verdict, then the stages) takes the explanation's
# place and Esc closes it; m marks the top hit as A, c compares it with the second ("why A above B").
sample_id=$(head -n 1 SampleData/pins.jsonl | grep -oE '"id":"[^"]+"' | head -n 1 | cut -d'"' -f4)
[ -n "$sample_id" ] || fail "no id in SampleData/pins.jsonl"
tmux send-keys -t "$session" "clear; $binary; echo EXIT=\$?" Enter
wait_for "^›" 20 || fail "the explorer did not start (why not)"
tmux send-keys -t "$session" -l "rustic kitchen"
wait_for "matches" 10 || fail "no result count after typing (why not)"
tmux send-keys -t "$session" F6
wait_for "Why not X" 5 || fail "F6 did not open the why-not prompt"
tmux send-keys -t "$session" -l "$sample_id"
sleep 0.2
tmux send-keys -t "$session" Enter
wait_for "$sample_id (was not retrieved|is shown|fell out at)" 15 || fail "no why-not verdict for $sample_id"
wait_for "[✓✗] bm25f" 5 || fail "no why-not step lines"
echo "why not: $(capture | grep -oE "$sample_id (was not retrieved|is shown|fell out at)[^│]*" | head -n 1)"
tmux send-keys -t "$session" Escape
sleep 0.3
capture | grep -q "Why not $sample_id" && fail "Esc did not close the why-not report"
tmux send-keys -t "$session" Enter
sleep 0.2
tmux send-keys -t "$session" m
wait_for "as A" 5 || fail "m did not mark the selected hit"
tmux send-keys -t "$session" Down
sleep 0.2
tmux send-keys -t "$session" c
wait_for "Why A above B" 5 || fail "c did not open the comparison"
wait_for "feature +A +B +Δ" 15 || fail "no feature rows in the comparison"
tmux send-keys -t "$session" Escape
sleep 0.2
tmux send-keys -t "$session" C-c
wait_for "EXIT=" 10 || fail "the explorer did not quit after why not"
capture | grep -q "EXIT=0" || fail "non-zero exit after why not: $(capture | grep EXIT=)"

# Record a short session (--record), quit, then replay it: headless, the final screen must show the results and
# the explanation the live screen showed; in the explorer (at full speed), the same, then it stays open.
session_file=$(mktemp --suffix=.session)
rows() { grep -E '^[> ] +[0-9]+ ' | sed 's/ *$//'; }
tmux send-keys -t "$session" "clear; $binary --record '$session_file'; echo EXIT=\$?" Enter
wait_for "^›" 20 || fail "the explorer did not start (record)"
tmux send-keys -t "$session" -l "linen dress"
wait_for "matches" 10 || fail "no result count after typing (record)"
wait_for "BM25F" 10 || fail "no explanation (record)"
tmux send-keys -t "$session" Escape
sleep 0.2
tmux send-keys -t "$session" Tab
sleep 0.3
tmux send-keys -t "$session" Down
sleep 0.5
wait_for "Explanation · #2" 10 || fail "the second hit is not explained (record)"
capture | grep -q "Explaining this hit" && sleep 1
live=$(capture)
tmux send-keys -t "$session" C-c
wait_for "EXIT=" 10 || fail "the explorer did not quit (record)"
capture | grep -q "EXIT=0" || fail "non-zero exit after recording: $(capture | grep EXIT=)"
grep -q '^{"rankscope_session":1,"width":100,"height":30' "$session_file" || fail "no session header in $session_file"
grep -q '"key":"Tab"' "$session_file" || fail "the Tab key is not in the session"
replayed=$("$binary" replay "$session_file" --headless) || fail "replay --headless failed"
echo "$replayed" | head -n 1 | grep -q "linen dress" \
  || fail "the replayed query line is not the recorded one: $(echo "$replayed" | head -n 1)"
[ -n "$(echo "$live" | rows)" ] || fail "no result rows on the live screen"
[ "$(echo "$live" | rows)" = "$(echo "$replayed" | rows)" ] || fail "replayed rows differ from the live ones:
$(diff <(echo "$live" | rows) <(echo "$replayed" | rows))"
live_explained=$(echo "$live" | grep -oE 'Explanation · #2 [^─]*' | head -n 1)
echo "$replayed" | grep -qF "$live_explained" || fail "the replay does not explain '$live_explained'"
echo "replay --headless: $(echo "$replayed" | rows | wc -l) rows as recorded, $live_explained"
tmux send-keys -t "$session" "clear; $binary replay '$session_file' --speed 0; echo EXIT=\$?" Enter
wait_for "replay finished" 30 || fail "the replay in the explorer did not finish"
[ "$(capture | rows)" = "$(echo "$live" | rows)" ] || fail "rows after the replay in the explorer differ from the live ones"
capture | grep -qF "$live_explained" || fail "the replay in the explorer does not explain '$live_explained'"
tmux send-keys -t "$session" C-c
wait_for "EXIT=" 10 || fail "the explorer did not quit after the replay"
capture | grep -q "EXIT=0" || fail "non-zero exit after the replay: $(capture | grep EXIT=)"
echo "replay in the explorer: finished, rows as recorded, stayed open until Ctrl-C"
rm -f "$session_file"

# Compare view, the whole-set panel and judging in the loop: F7 puts B beside A, F9 compares them over every judged
# query, u lists the holes, 3 rates one (saved through the journal before the screen says so), then kill -9 while
# rating the next: after a restart the acknowledged rating is in the qrels and the holes list is one shorter.
judgments=$(mktemp -d)
cp SampleData/judgments/qrels.txt SampleData/judgments/queries.jsonl "$judgments/"
explore_judged="$binary --qrels $judgments/qrels.txt --queries $judgments/queries.jsonl --query centerpieces --profile bm25"
tmux send-keys -t "$session" "clear; $explore_judged; echo EXIT=\$?" Enter
wait_for "profile bm25: retrieve.*matches" 20 || fail "no results for the judged query"
tmux send-keys -t "$session" F7
wait_for "Jaccard@10 [0-9.]+ · RBO\(p=0.9\) [0-9.]+ · nDCG@10 A [0-9.]+ B [0-9.]+" 15 \
  || fail "F7 did not show the compare header with nDCG@10 of both sides"
wait_for "B · retrieval lexical" 5 || fail "no column B"
tmux send-keys -t "$session" F9
wait_for "wins [0-9]+ · losses [0-9]+ · ties [0-9]+" 60 || fail "F9 did not compare A and B over the judged queries"
capture | grep -q "220 judged queries" || fail "the whole-set panel does not count the 220 judged queries"
tmux send-keys -t "$session" Escape
sleep 0.2
tmux send-keys -t "$session" Tab
sleep 0.2
tmux send-keys -t "$session" u
wait_for "Holes · unjudged in the top 10" 5 || fail "u did not list the holes"
holes_before=$(capture | grep -oE '[0-9]+ · 0–3 rates' | grep -oE '^[0-9]+')
[ "${holes_before:-0}" -gt 1 ] || fail "expected at least two holes, saw '${holes_before:-none}'"
tmux send-keys -t "$session" 3
wait_for "rated p[0-9]+ 3 for q[0-9]+" 5 || fail "3 did not rate the hole"
rated=$(capture | grep -oE "rated p[0-9]+ 3 for q[0-9]+" | head -n 1)
rated_doc=$(echo "$rated" | awk '{print $2}')
rated_query=$(echo "$rated" | awk '{print $5}')
# The explorer itself (its executable is the binary), never a shell whose command line holds the same words.
pid=$(for candidate in $(pgrep -f -- "--qrels $judgments/qrels.txt"); do
  [ "$(readlink -f "/proc/$candidate/exe")" = "$(readlink -f "$binary")" ] && echo "$candidate"
done | head -n 1)
[ -n "$pid" ] || fail "cannot find the explorer's process"
tmux send-keys -t "$session" 1
kill -9 "$pid"
wait_for "EXIT=137" 10 || fail "the explorer did not die of kill -9"
tmux send-keys -t "$session" "reset; clear" Enter
sleep 0.5
tmux send-keys -t "$session" "clear; $explore_judged; echo EXIT=\$?" Enter
wait_for "profile bm25: retrieve.*matches" 20 || fail "the explorer did not restart after kill -9"
grep -qx "$rated_query 0 $rated_doc 3" "$judgments/qrels.txt" \
  || fail "the rating '$rated' acknowledged before kill -9 is not in the qrels after the restart"
tmux send-keys -t "$session" F7
wait_for "B · retrieval lexical" 10 || fail "no column B after the restart"
tmux send-keys -t "$session" Tab
sleep 0.2
tmux send-keys -t "$session" u
wait_for "Holes · unjudged in the top 10" 5 || fail "u did not list the holes after the restart"
holes_after=$(capture | grep -oE '[0-9]+ · 0–3 rates' | grep -oE '^[0-9]+')
[ "$holes_after" -le $((holes_before - 1)) ] || fail "holes after the restart: $holes_after, expected at most $((holes_before - 1))"
tmux send-keys -t "$session" C-c
wait_for "EXIT=0" 10 || fail "the explorer did not quit after judging"
rm -rf "$judgments"
echo "judging: compare header and whole-set panel shown, '$rated' kept through kill -9, holes $holes_before → $holes_after"

# Users: --user personalizes (the lift column compares each hit's rank without the user), F12 switches a signal and
# re-ranks, Alt-h shows the user's homefeed, F11 picks another user.
personal_profile=bm25
[ "$semantic_on" = 1 ] && personal_profile=hybrid-personal
tmux send-keys -t "$session" "clear; $binary --profile $personal_profile --user u0001 --query 'kitchen'; echo EXIT=\$?" Enter
wait_for "personalized for u0001|profile $personal_profile.*matches" 30 || fail "--user u0001 did not start personalized"
wait_for "^> +1 +p(↑[0-9]+|↓[0-9]+|=|new) " 15 || fail "no lift column for the personalized results"
if [ "$personal_profile" = hybrid-personal ]; then
  wait_for " p(↑|↓)[0-9]+ " 10 || fail "personalization moved no result with hybrid-personal"
fi
tmux send-keys -t "$session" F12
wait_for "User u0001 .* 8 of 8 signals on" 5 || fail "F12 did not show the user's signals"
tmux send-keys -t "$session" Down
sleep 0.2
tmux send-keys -t "$session" Space
wait_for "user_similarity off" 10 || fail "Space did not switch user_similarity off"
wait_for "7 of 8 signals on" 5 || fail "the panel does not count the signal off"
tmux send-keys -t "$session" Escape
sleep 0.2
tmux send-keys -t "$session" M-h
wait_for "Homefeed · u0001" 20 || fail "Alt-h did not show the homefeed"
wait_for "^> +1 " 10 || fail "the homefeed has no results"
tmux send-keys -t "$session" F11
wait_for "Pick a user" 5 || fail "F11 did not open the user picker"
tmux send-keys -t "$session" "u0002"
sleep 0.3
tmux send-keys -t "$session" Enter
wait_for "personalized for u0002" 10 || fail "the picker did not switch to u0002"
tmux send-keys -t "$session" C-c
wait_for "EXIT=0" 10 || fail "the explorer did not quit after the user checks"
echo "users: lift column, a signal switched off, homefeed, picker ($personal_profile)"

# Autocomplete and refinements from the sample query log: a prefix shows the dropdown, Tab highlights the first
# suggestion and Enter searches it; the chips row fills in, Alt-g then 1 refines with the first chip; Alt-i opens the
# inspector with each refinement's sources, matches and overlap.
tmux send-keys -t "$session" "clear; $binary; echo EXIT=\$?" Enter
wait_for "^›" 20 || fail "the explorer did not start (autocomplete)"
wait_for "refine Alt-g" 20 || fail "no refinement chips row (the sample has a query log)"
tmux send-keys -t "$session" -l "kitch"
wait_for "suggestions" 20 || fail "no autocomplete dropdown after typing a prefix"
wait_for "│ kitchen " 5 || fail "no suggestion completing 'kitch'"
first=$(capture | grep -m 1 -oE '│ kitch[^│]*│' | sed -E 's/^│ //; s/ *│$//; s/ +[^ ]+$//')
[ -n "$first" ] || fail "cannot read the first suggestion"
tmux send-keys -t "$session" Tab
wait_for "│›$first " 5 || fail "Tab did not highlight the first suggestion '$first'"
tmux send-keys -t "$session" Enter
wait_for "^› $first *$" 5 || fail "Enter did not put '$first' in the query bar"
sleep 0.3
capture | grep -q "suggestions" && fail "the dropdown stayed open after accepting a suggestion"
wait_for "matches" 10 || fail "no results for the accepted suggestion '$first'"
wait_for "refine Alt-g 1\\[" 60 || fail "no refinement chips for '$first'"
chip=$(capture | grep -oE 'refine Alt-g 1\[[^]]*\]' | head -n 1 | sed -E 's/^refine Alt-g 1\[//; s/\]$//')
echo "autocomplete: 'kitch' → '$first'; first chip [$chip]"
tmux send-keys -t "$session" M-g
wait_for "refine ←→⏎" 5 || fail "Alt-g did not focus the chips"
tmux send-keys -t "$session" 1
wait_for "refined \"$first\" → " 10 || fail "chip 1 did not refine the query"
refined=$(capture | head -n 1 | sed -E 's/^› //; s/ *$//')
[ "$refined" != "$first" ] || fail "the query did not change with chip 1"
tmux send-keys -t "$session" M-i
wait_for "Refinements of \"$refined\"" 10 || fail "Alt-i did not open the refinement inspector"
# The inspector follows the refinements as they arrive.
wait_for "Jaccard@10|none for this query" 60 || fail "the inspector shows no refinements with their overlap"
tmux send-keys -t "$session" Escape
sleep 0.2
capture | grep -q "Refinements of" && fail "Esc did not close the inspector"
tmux send-keys -t "$session" C-c
wait_for "EXIT=0" 10 || fail "the explorer did not quit after the refinements"
echo "refinements: chip 1 refined to '$refined', inspector shown"

# Query understanding: a typo auto-corrected on the line under the query bar (the understander is built in the
# background; the query is searched again once it is in), Alt-z searches as typed, Alt-w shows the rewrites panel and
# Space switches the marked one back on.
tmux send-keys -t "$session" "clear; $binary; echo EXIT=\$?" Enter
wait_for "^›" 20 || fail "the explorer did not start (understanding)"
tmux send-keys -t "$session" -l "rustic kicthen"
tmux send-keys -t "$session" Escape
wait_for "understood: kicthen→kitchen  Alt-z undo" 30 || fail "no auto-correction shown for 'rustic kicthen'"
tmux send-keys -t "$session" M-z
wait_for "kicthen→kitchen \\(off\\)" 10 || fail "Alt-z did not switch the correction off"
tmux send-keys -t "$session" M-w
wait_for "Query understanding" 5 || fail "Alt-w did not open the rewrites panel"
wait_for "\\[ \\] spelling  kicthen → kitchen" 5 || fail "the panel does not show the correction switched off"
tmux send-keys -t "$session" j
sleep 0.2
tmux send-keys -t "$session" Space
wait_for "\\[x\\] spelling  kicthen → kitchen" 10 || fail "Space did not switch the correction back on"
wait_for "searched: rustic kitchen" 10 || fail "the corrected text is not searched again"
tmux send-keys -t "$session" Escape
sleep 0.2
capture | grep -q "Query understanding" && fail "Esc did not close the rewrites panel"
tmux send-keys -t "$session" C-c
wait_for "EXIT=0" 10 || fail "the explorer did not quit after the understanding checks"
echo "understanding: kicthen→kitchen shown, undone with Alt-z, switched back on in the Alt-w panel"

# Quit with q as well, from a second run with an initial query and profile.
tmux send-keys -t "$session" "clear; $binary --query 'linen dress' --profile bm25; echo EXIT=\$?" Enter
wait_for "matches" 20 || fail "no results for --query"
wait_for "profile bm25" 5 || fail "--profile bm25 is not active at start"
tmux send-keys -t "$session" Tab
sleep 0.2
tmux send-keys -t "$session" q
wait_for "EXIT=0" 10 || fail "q did not quit cleanly"
tmux kill-session -t "$session"
echo "tui-smoke: ok (results, explanation, rank profiles, live tuning, why not X, why A above B, record and replay, compare and judging through kill -9, users and homefeed, autocomplete, chips and the inspector, query understanding, help, resize, Ctrl-C and q quit, terminal restored: $after)"
