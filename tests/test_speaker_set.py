"""The speaker-resolution benchmark's matching and judging (benchmarks/speaker_resolution.py),
on hand-built documents: no pipeline runs here."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc, Entity, Form, Quote, Span
from zitat_server.extraction.tokenizer import tokenize

from benchmarks.speaker_resolution import (
    Gold,
    Verdict,
    find_quote,
    judge,
    load_articles,
    load_gold,
    mention_kind,
    refers_to,
    summarise,
)

TEXT = "Verteidigungsminister Rustem Umjerow kam an. Er sagte, die Lage sei ernst. Wir wissen das, sagte man."


def _quote(start: int, end: int, entity: str | None = None) -> Quote:
    return Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(start, end), entity=entity)


def _gold(holder: str | None, type_: str | None = "PERSON", *, start: int = 45, end: int = 47, **kw) -> Gold:
    why = kw.pop("why", None if holder else "group")
    type_ = type_ if holder else None
    return Gold(article=0, start=start, end=end, text="Er", kind="pronoun", holder=holder, type=type_, why=why, **kw)


def test_find_quote_prefers_the_exact_span_then_the_largest_overlap() -> None:
    wide, exact, small = _quote(40, 60), _quote(45, 47), _quote(46, 48)
    assert find_quote([wide, small, exact], 45, 47) is exact
    assert find_quote([small, wide], 45, 47) is wide  # overlap 2 beats overlap 1
    assert find_quote([small], 45, 47) is small


def test_find_quote_ignores_quotes_without_an_overlapping_source() -> None:
    no_source = Quote(message=[Span(0, 1)], form=Form.DIRECT)
    touching = _quote(47, 50)  # half-open spans: [47, 50) does not overlap [45, 47)
    assert find_quote([no_source, touching], 45, 47) is None


@pytest.mark.parametrize(
    ("name", "right"),
    [
        ("Rustem Umjerow", True),
        ("Umjerow", True),  # surname alone
        ("umjerow", True),  # normalised
        ("Rustem", False),  # a first name is not the holder
        ("Oleksij Umjerow", False),  # same surname, other first name
        ("Olaf Scholz", False),
        ("", False),
    ],
)
def test_refers_to_persons(name: str, right: bool) -> None:
    assert refers_to(_gold("Rustem Umjerow"), name) is right


def test_refers_to_hyphenated_surname_and_aliases() -> None:
    assert refers_to(_gold("Ulrike Rabmer-Koller"), "Rabmer-Koller")
    assert not refers_to(_gold("Ulrike Rabmer-Koller"), "Ulrike")
    assert not refers_to(_gold("Guo Jianmei"), "Guo")
    assert refers_to(_gold("Guo Jianmei", aliases=("Guo",)), "Guo")


def test_refers_to_organisations_by_contained_name() -> None:
    police = _gold("Polizei Wien", "ORGANIZATION")
    assert refers_to(police, "Polizei Wien")
    assert refers_to(police, "Landespolizei Polizei Wien")
    assert not refers_to(police, "Wien")
    assert not refers_to(police, "Polizei")
    assert refers_to(_gold("Polizei Wien", "ORGANIZATION", aliases=("Polizei",)), "Polizei")


def _doc(quotes: list[Quote]) -> Doc:
    return Doc(text=TEXT, quotes=quotes, entities={"e1": Entity("e1", "Rustem Umjerow"), "e2": Entity("e2", "Scholz")})


def test_judge_outcomes() -> None:
    umjerow = _gold("Rustem Umjerow")
    assert judge(umjerow, _doc([_quote(45, 47, "e1")])).outcome == "right"
    assert judge(umjerow, _doc([_quote(45, 47, "e2")])) == Verdict(umjerow, "wrong-person", "Scholz", "Er")
    assert judge(umjerow, _doc([_quote(45, 47)])).outcome == "unresolved"
    assert judge(umjerow, _doc([_quote(0, 10, "e1")])).outcome == "not-found"
    at = TEXT.index("Wir")
    group = _gold(None, start=at, end=at + 3)
    assert judge(group, _doc([_quote(at, at + 3)])).outcome == "right"
    assert judge(group, _doc([_quote(at, at + 3, "e1")])).outcome == "should-be-none"


def test_summarise_counts_right_among_found_and_among_all() -> None:
    g = _gold("Rustem Umjerow")
    verdicts = [Verdict(g, "right"), Verdict(g, "right"), Verdict(g, "wrong-person"), Verdict(g, "not-found")]
    s = summarise(verdicts)
    assert (s["labelled"], s["found"], s["right"]) == (4, 3, 2)
    assert s["right_of_found_pct"] == 66.7
    assert s["right_of_labelled_pct"] == 50.0
    assert s["errors"] == {"wrong-person": 1, "not-found": 1}
    assert s["by_kind"]["pronoun"]["labelled"] == 4 and s["by_kind"]["role"]["labelled"] == 0


def test_gold_rejects_incomplete_labels() -> None:
    with pytest.raises(ValueError, match="type"):
        _gold("Rustem Umjerow", None)
    with pytest.raises(ValueError, match="why"):
        _gold(None, why="nobody")
    with pytest.raises(ValueError, match="kind"):
        Gold(0, 0, 2, "Er", "name", "Rustem Umjerow", "PERSON")


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("er", "pronoun"),
        ("man", "pronoun"),
        ("der Minister", "role"),
        ("ein Polizeisprecher", "role"),
        ("der 28-Jährige", "role"),
        ("die Demonstranten", "role"),
        ("die Polizei", "organisation"),
        ("das Innenministerium", "organisation"),
        ("Rustem Umjerow", None),
        ("die Nachrichtenagentur Xinhua", None),
        ("eigenen Angaben", None),
        ("Die", None),
    ],
)
def test_mention_kind(phrase: str, kind: str | None) -> None:
    text = f"Das sagte {phrase} am Montag."
    start = text.index(phrase)
    assert mention_kind(tokenize(text), Span(start, start + len(phrase))) == kind


def test_the_labelled_set_points_into_the_articles() -> None:
    """Every label's offsets still select its text in the article, and the set is big enough."""
    texts = load_articles()
    gold = load_gold()
    assert len(gold) >= 150
    assert len({g.key for g in gold}) == len(gold)
    for g in gold:
        assert texts[g.article][g.start : g.end] == g.text, g.key
