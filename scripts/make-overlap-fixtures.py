#!/usr/bin/env python3
"""Reference values for Tests/RankscopeEngineTests/RankOverlapTests.swift.

An independent implementation of rank-biased overlap straight from Webber, Moffat & Zobel, "A similarity
measure for indefinite rankings" (TOIS 28(4), 2010), in exact rational arithmetic (fractions.Fraction), so
the Swift floating-point code is checked against values free of rounding:

  X_d       = |S[:d] ∩ L[:d]|, where a list's prefix longer than the list is the whole list
  RBO_ext   (eq. 32, S the shorter list of length s, L the longer of length l)
            = (1-p)/p * ( sum_{d=1..l} X_d/d p^d + sum_{d=s+1..l} X_s (d-s)/(s d) p^d )
              + ( (X_l - X_s)/l + X_s/s ) p^l
  RBO_min   (eq. 11, evaluated at depth k = s, the depth both lists are seen to)
            = (1-p)/p * ( sum_{d=1..k} (X_d - X_k)/d p^d - X_k ln(1-p) )
  Jaccard@k = |A[:k] ∩ B[:k]| / |A[:k] ∪ B[:k]|, 1 when both prefixes are empty

Run: python3 scripts/make-overlap-fixtures.py   (prints Swift literals to paste into the test)
"""
from fractions import Fraction
import math


def overlap(a, b, depth):
    return len(set(a[:depth]) & set(b[:depth]))


def rbo_ext(a, b, p):
    if not a and not b:
        return Fraction(1)
    if not a or not b:
        return Fraction(0)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    s, l = len(shorter), len(longer)
    x = {d: overlap(shorter, longer, d) for d in range(1, l + 1)}
    first = sum(Fraction(x[d], d) * p ** d for d in range(1, l + 1))
    second = sum(Fraction(x[s] * (d - s), s * d) * p ** d for d in range(s + 1, l + 1))
    tail = (Fraction(x[l] - x[s], l) + Fraction(x[s], s)) * p ** l
    return (1 - p) / p * (first + second) + tail


def rbo_min(a, b, p):
    k = min(len(a), len(b))
    if k == 0:
        return 0.0
    xk = overlap(a, b, k)
    total = sum(Fraction(overlap(a, b, d) - xk, d) * p ** d for d in range(1, k + 1))
    return float((1 - p) / p) * (float(total) - xk * math.log(1 - float(p)))


def jaccard(a, b, k):
    left, right = set(a[:k]), set(b[:k])
    if not left and not right:
        return Fraction(1)
    return Fraction(len(left & right), len(left | right))


CASES = [
    # (name, A, B, p)
    ("swap at the top", ["1", "2", "3", "4", "5"], ["2", "3", "4", "1", "5"], Fraction(9, 10)),
    ("same length, partly disjoint", ["a", "b", "c", "d", "e", "f"], ["b", "x", "a", "y", "f", "c"], Fraction(9, 10)),
    ("different lengths", ["a", "b", "c", "d", "e", "f", "g", "h"], ["c", "a", "z", "b"], Fraction(9, 10)),
    ("different lengths, shorter first", ["q", "r", "s"], ["r", "t", "q", "u", "v", "s", "w"], Fraction(9, 10)),
    ("p = 0.5", ["a", "b", "c", "d"], ["b", "a", "d", "c"], Fraction(1, 2)),
    ("p = 0.98, reversed", [str(i) for i in range(1, 11)], [str(i) for i in range(10, 0, -1)], Fraction(98, 100)),
    ("prefix of the other", ["a", "b", "c"], ["a", "b", "c", "d", "e"], Fraction(9, 10)),
    ("disjoint", ["a", "b", "c"], ["x", "y", "z", "w"], Fraction(9, 10)),
    ("identical", ["a", "b", "c", "d"], ["a", "b", "c", "d"], Fraction(9, 10)),
]


def swift_list(items):
    return "[" + ", ".join('"%s"' % item for item in items) + "]"


def main():
    # A check against the worked value quoted by other implementations: 0.828 for the first case.
    assert abs(float(rbo_ext(*CASES[0][1:3], Fraction(9, 10))) - 0.828) < 5e-4
    # Symmetry.
    for _, a, b, p in CASES:
        assert rbo_ext(a, b, p) == rbo_ext(b, a, p)
    for name, a, b, p in CASES:
        print('    .init(name: "%s", a: %s, b: %s, p: %r,' % (name, swift_list(a), swift_list(b), float(p)))
        print("          extrapolated: %r, minimum: %r, jaccardAt3: %r)," % (
            float(rbo_ext(a, b, p)), rbo_min(a, b, p), float(jaccard(a, b, 3))))


if __name__ == "__main__":
    main()
