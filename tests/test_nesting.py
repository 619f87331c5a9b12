"""Parent links between quotes whose messages nest (zitat_server.extraction.nesting)."""

from __future__ import annotations

from zitat_server.document import Form, Quote, Span
from zitat_server.extraction.nesting import inherit_sources, set_parents


def _q(*spans: tuple[int, int], form: Form = Form.INDIRECT) -> Quote:
    return Quote([Span(a, b) for a, b in spans], form)


def test_innermost_container_is_the_parent():
    outer, middle, inner, after = _q((0, 100)), _q((10, 50)), _q((20, 30), form=Form.DIRECT), _q((120, 140))
    quotes = [outer, middle, inner, after]
    set_parents(quotes)
    assert [q.parent for q in quotes] == [-1, 0, 1, -1]


def test_overlap_without_containment_is_no_nesting():
    a, b = _q((0, 50)), _q((40, 90))
    set_parents([a, b])
    assert (a.parent, b.parent) == (-1, -1)


def test_same_message_is_no_nesting():
    a, b = _q((0, 50)), _q((0, 50), form=Form.DIRECT)
    set_parents([a, b])
    assert (a.parent, b.parent) == (-1, -1)


def test_a_quote_in_the_gap_of_a_two_part_message_is_not_inside_it():
    # "Die Feuerwehr hat [nach eigenen Angaben] … abgesucht": the frame between the two parts.
    frame = _q((0, 20), (40, 80))
    gap = _q((25, 35), form=Form.DIRECT)
    set_parents([frame, gap])
    assert gap.parent == -1


def test_stale_parents_are_reset():
    a, b = _q((0, 10)), _q((20, 30))
    b.parent = 0
    set_parents([a, b])
    assert b.parent == -1


def test_a_direct_quote_inside_another_takes_its_source_when_it_has_none():
    outer, inner, own, indirect = (
        _q((0, 100)),
        _q((20, 30), form=Form.DIRECT),
        _q((40, 50), form=Form.DIRECT),
        _q((60, 90)),
    )
    outer.source, own.source = Span(200, 210), Span(220, 230)
    quotes = [outer, inner, own, indirect]
    set_parents(quotes)
    inherit_sources(quotes)
    # the direct quote without a source is the container speaker's wording; one with its own source,
    # and an indirect quote inside (an according-to frame of its own), keep theirs
    assert [q.source for q in quotes] == [Span(200, 210), Span(200, 210), Span(220, 230), None]
