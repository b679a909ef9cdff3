#!/usr/bin/env python3
"""Independent check of `rankscope bench recommend`: leave-last-out HR@10 and nDCG@10 on MovieLens for the
popularity baseline (plain Python) and, when numpy is available, PureSVD (Cremonesi et al., RecSys 2010) from an
exact SVD.

Protocol (as the engine's NextItemEvaluation): ratings in time order, ties in file order; each user's latest
rating is held out; training = the rest; candidates = every movie the user has no training rating for; popularity =
number of training users, ties to the smaller item position in ml-100k.item; PureSVD scores r_u V_k V_kᵀ with the
binary training matrix.

Usage: python3 scripts/movielens-check.py ../shared/data/ml-100k [dimension]
"""
import math
import os
import sys


def read(path):
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        names = [column.split(":")[0] for column in header]
        return [dict(zip(names, line.rstrip("\n").split("\t"))) for line in handle if line.strip()]


def main():
    folder = sys.argv[1]
    dimension = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    items = [row["item_id"] for row in read(os.path.join(folder, "ml-100k.item"))]
    position = {item: index for index, item in enumerate(items)}
    ratings = read(os.path.join(folder, "ml-100k.inter"))
    ordered = sorted(enumerate(ratings), key=lambda pair: (float(pair[1]["timestamp"]), pair[0]))
    history = {}
    for _, row in ordered:
        history.setdefault(row["user_id"], []).append(position[row["item_id"]])
    held, training = {}, {}
    for user, documents in history.items():
        if len(set(documents)) < 2:
            training[user] = documents
            continue
        held[user] = documents[-1]
        training[user] = [document for document in documents if document != held[user]]
    degree = [0] * len(items)
    for documents in training.values():
        for document in set(documents):
            degree[document] += 1
    popular = sorted(range(len(items)), key=lambda document: (-degree[document], document))

    def metrics(recommend):
        hits = ndcg = 0.0
        for user, target in held.items():
            top = recommend(user)
            if target in top:
                hits += 1
                ndcg += 1 / math.log2(top.index(target) + 2)
        return hits / len(held), ndcg / len(held)

    def by_popularity(user):
        seen = set(training[user])
        return [document for document in popular if document not in seen][:10]

    print("users %d" % len(held))
    print("popularity  HR@10 %.4f  nDCG@10 %.4f" % metrics(by_popularity))
    try:
        import numpy
    except ImportError:
        print("numpy is not installed: PureSVD skipped")
        return
    users = sorted(training)
    matrix = numpy.zeros((len(users), len(items)))
    for row, user in enumerate(users):
        for document in training[user]:
            matrix[row, document] = 1
    _, _, vt = numpy.linalg.svd(matrix, full_matrices=False)
    factors = vt[:dimension].T
    rows = {user: row for row, user in enumerate(users)}

    def by_svd(user):
        scores = matrix[rows[user]] @ factors @ factors.T
        scores[list(set(training[user]))] = -numpy.inf
        order = sorted(range(len(items)), key=lambda document: (-scores[document], document))
        return order[:10]

    print("PureSVD %d   HR@10 %.4f  nDCG@10 %.4f" % ((dimension,) + metrics(by_svd)))


if __name__ == "__main__":
    main()
