#!/usr/bin/python3
"""Exports scikit-learn's iris and 8x8 digits data sets as the CSVs in this folder.

Run it with Debian's Python, which has the python3-sklearn package:

    /usr/bin/python3 scripts/data/export_sklearn.py          # (re)write iris.csv and digits.csv
    /usr/bin/python3 scripts/data/export_sklearn.py --check  # exit 1 if either file differs

Columns: iris x1..x4, label; digits x1..x64 (the 8x8 image row by row), label. Labels are class
indices from 1, as Gradus indexes: label = scikit-learn's target + 1 (iris: 1 setosa,
2 versicolor, 3 virginica; digits: the digit d has label d + 1). Every number is written with
the same text as in scikit-learn's own shipped file (iris with one decimal, digits as integers);
the script checks that against those files before writing.
"""

import csv
import gzip
import io
import os
import sys

try:
    import sklearn
    from sklearn.datasets import load_digits, load_iris
except ImportError:
    sys.exit("this needs scikit-learn: run it with Debian's /usr/bin/python3 (apt-get install python3-sklearn)")

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data")


def shipped_rows(name):
    """The data rows of scikit-learn's own file (its first line is a size header)."""
    path = os.path.join(SOURCE, name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        rows = list(csv.reader(f))
    return rows[1:] if name == "iris.csv" else rows


def table(bunch, cell, shipped):
    n, k = bunch.data.shape
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([f"x{j + 1}" for j in range(k)] + ["label"])
    for r in range(n):
        cells = [cell(v) for v in bunch.data[r]]
        if cells != shipped[r][:k]:
            sys.exit(f"row {r + 1}: {cells} is not the shipped text {shipped[r][:k]}")
        w.writerow(cells + [str(int(bunch.target[r]) + 1)])
    return out.getvalue()


def main():
    check = sys.argv[1:] == ["--check"]
    if sys.argv[1:] not in ([], ["--check"]):
        sys.exit("usage: export_sklearn.py [--check]")
    files = {
        # repr gives the shortest text that reads back as the same double: "5.1", "3.0"
        "iris.csv": table(load_iris(), repr, shipped_rows("iris.csv")),
        "digits.csv": table(load_digits(), lambda v: str(int(v)), shipped_rows("digits.csv.gz")),
    }
    stale = []
    for name, text in files.items():
        path = os.path.join(HERE, name)
        if check:
            with open(path, newline="") as f:
                if f.read() != text:
                    stale.append(name)
        else:
            with open(path, "w", newline="") as f:
                f.write(text)
    if stale:
        sys.exit(f"differs from scikit-learn {sklearn.__version__}: " + ", ".join(stale))
    print(("checked" if check else "wrote") + " iris.csv and digits.csv from scikit-learn " + sklearn.__version__)


if __name__ == "__main__":
    main()
