from zitat_server.extraction.quote_marks import find_quotes


def _texts(text: str) -> list[tuple[str, int, bool]]:
    return [(text[q.start : q.end], q.depth, q.balanced) for q in find_quotes(text)]


def test_german_marks_and_nesting():
    text = "Er sagte: „Das ist ‚gut‘ so.“ Dann ging er."
    assert _texts(text) == [("Das ist ‚gut‘ so.", 0, True), ("gut", 1, True)]


def test_guillemets_both_directions():
    assert _texts("»Wir kommen«, sagte sie.") == [("Wir kommen", 0, True)]
    assert _texts("«Wir kommen», sagte sie.") == [("Wir kommen", 0, True)]


def test_straight_quotes_by_flanking():
    text = 'Sie sagte: "Das ist \'gut\' so." Er geht\'s an.'
    assert _texts(text) == [("Das ist 'gut' so.", 0, True), ("gut", 1, True)]


def test_quote_continued_over_paragraphs():
    text = "„Erster Absatz.\n\n„Zweiter Absatz.“ Ende"
    (q,) = find_quotes(text)
    assert [text[p.start : p.end] for p in q.pieces] == ["Erster Absatz.", "Zweiter Absatz."]
    assert q.balanced


def test_unbalanced_opening_mark_ends_at_paragraph():
    text = "Er sagte: „offen bis zum Ende\nNeuer Absatz ohne Zitat."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "offen bis zum Ende"
    assert not q.balanced


def test_free_standing_marks_of_pretokenised_text():
    text = "„ Wir kommen morgen “ , sagte Merkel ."
    assert _texts(text) == [(" Wir kommen morgen ", 0, True)]


def test_stray_closing_mark_is_ignored():
    assert _texts("Das war es“ und mehr.") == []


def test_straight_mark_before_punctuation_closes_a_german_quote():
    # Task data closes „ with a straight mark set off by a space; it must not open a new quote
    # that swallows the rest of the text.
    text = '„Das ist viel ", zitiert ndr.de Meyer. Dann „extrem“ gesagt.'
    assert _texts(text) == [("Das ist viel ", 0, True), ("extrem", 0, True)]
    first, _ = find_quotes(text)
    assert first.marks == [0, text.index('"')]


def test_straight_mark_before_punctuation_never_opens():
    assert _texts('Er sagte ", dann" nichts.') == []
