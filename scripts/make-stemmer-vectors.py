#!/usr/bin/env python3
"""Regenerates Tests/RankscopeEngineTests/Fixtures/stemmer-vectors.tsv: word, Porter stem, Snowball English stem.

The stems come from PyStemmer (`pip install PyStemmer`), algorithms `porter` and `english`; the Swift
PorterStemmer and SnowballEnglishStemmer must give the same stems for every line.

Usage:
  scripts/make-stemmer-vectors.py WORDS [WORDS...] [--count N] [--output PATH]

Each WORDS file is a word list, one word per line; a `.jsonl` file is read as a corpus instead, and its words
are the distinct lower-case `[a-z]+` runs of each record's "title" and "text". The fixture in the repository
was made from the CACM and Cranfield corpora:
  scripts/make-stemmer-vectors.py /work/shared/data/cacm/corpus.jsonl /work/shared/data/cranfield/corpus.jsonl
A deterministic sample of --count words (by SHA-1 of the word) is kept, plus every two-letter word and a
built-in list of words that exercise the stemmers' special cases. One-character words are left out (see below).
"""

import argparse
import hashlib
import json
import re
import sys
from importlib import metadata
from pathlib import Path

import Stemmer

# Words that exercise special cases: Snowball's exceptional forms and prefixes, possessives, consonant y,
# undoubling, short syllables, and the Porter steps.
SPECIAL_WORDS = """
skis skies sky dying lying tying vying idly gently ugly early only singly news howe atlas cosmos bias andes
inning innings outing outings canning herring earring evening evenings proceed proceeded exceed exceedingly
succeed succeeding generous generously general generate communism community communication arsenic arsenal
past paste pasted pasting universe universal university lateral later emerge emergency organ organic
organization dog's dogs' dog' 'tis '' ' 's yes yesterday youth boy boys toy play playing played says sayed
cry cries cried ties tied hopping hoping hoped added egged ebbed odder agreed feed bleed caresses ponies
caress cats gaps gas kiwis abus us ss sses conflated troubled sized hissing fizzed failing filing luxuriate
happy sky's generalizations oscillators geologist anthropology apology archaeology fluently relational
conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli
vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference
airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou
communism activate angulariti homologous effective bowdlerize probate rate cease controll roll
1960s x86s a_b naive
"""


def corpus_words(path):
    words = set()
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            text = f"{record.get('title', '')} {record.get('text', '')}".lower()
            words.update(re.findall(r"[a-z]+", text))
    return words


def list_words(path):
    with open(path, encoding="utf-8") as word_list:
        return {line.strip() for line in word_list if line.strip()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("words", nargs="+", help="word lists (one word a line) or .jsonl corpora")
    parser.add_argument("--count", type=int, default=7000, help="words sampled from the lists (default 7000)")
    parser.add_argument("--output", default=str(Path(__file__).resolve().parent.parent
                                                / "Tests/RankscopeEngineTests/Fixtures/stemmer-vectors.tsv"))
    arguments = parser.parse_args()

    words = set()
    for path in arguments.words:
        words |= corpus_words(path) if path.endswith(".jsonl") else list_words(path)
    # One-character words are left out: PorterStemmer keeps them as they are, where Snowball's Porter strips "s"
    # to an empty stem.
    words = {word for word in words if len(word) >= 2 and "\t" not in word and "\n" not in word}

    def digest(word):
        return hashlib.sha1(word.encode("utf-8")).hexdigest()

    sample = set(sorted(words, key=digest)[:arguments.count])
    sample |= {word for word in words if len(word) == 2}
    sample |= {word for word in SPECIAL_WORDS.split() if len(word) >= 2}

    porter = Stemmer.Stemmer("porter")
    english = Stemmer.Stemmer("english")
    lines = [f"# word\tporter\tsnowball english -- PyStemmer {metadata.version('PyStemmer')}, "
             f"made by scripts/make-stemmer-vectors.py"]
    for word in sorted(sample):
        lines.append(f"{word}\t{porter.stemWord(word)}\t{english.stemWord(word)}")
    Path(arguments.output).parent.mkdir(parents=True, exist_ok=True)
    Path(arguments.output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} vectors to {arguments.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
