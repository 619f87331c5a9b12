"""The data sets in the repository's ``data/`` (see ``data/README.md``): paths and readers.

Trainers, benchmarks and tests read the data through here, so every default points at the
repository and nothing reads outside it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


def data_dir() -> Path:
    """The repository's ``data/``: found from this file in a clone, else relative to the working
    directory (run from the repository root)."""
    in_clone = Path(__file__).resolve().parents[4] / "data"
    return in_clone if in_clone.is_dir() else Path("data")


DATA = data_dir()
NEWS_TRAIN = DATA / "spkatt-news" / "train"
#: Unlabelled WikiNews: for timing and robustness runs only (never judged, tuned or trained on).
NEWS_UNLABELLED = DATA / "spkatt-news" / "unlabelled"
PARLIAMENT_TRAIN = DATA / "spkatt-parliament" / "train"
#: 1,028 DER STANDARD articles (10kGNAD test part), one a line: ``category;'text'``.
STANDARD_ARTICLES = DATA / "10kgnad" / "standard-articles.csv"
EXAMPLES = DATA / "examples"


def standard_articles(path: Path = STANDARD_ARTICLES) -> Iterator[tuple[str, str]]:
    """``(category, text)`` of every DER STANDARD article, in file order (the row is its id)."""
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter=";", quotechar="'"):
            yield row[0], row[-1]
