"""The shipped models' card (``models/scores.json``): version, licence and held-out scores."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from zitat_server.learned import MODELS_DIR


@dataclass(frozen=True, slots=True)
class CardEntry:
    version: str
    license: str
    description: str
    scores: dict[str, float]


@cache
def _card() -> dict:
    return json.loads((MODELS_DIR / "scores.json").read_text(encoding="utf-8"))


def card_entry(component: str) -> CardEntry:
    """What the card says about one model component ("taggers", "partial_quotes")."""
    card = _card()
    entry = card["components"][component]
    scores = {k: float(v) for k, v in entry["scores"].items()}
    return CardEntry(card["version"], card["license"], entry["description"], scores)
