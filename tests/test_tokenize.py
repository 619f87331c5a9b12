"""The German tokenizer and sentence splitter (zitat_server.extraction.tokenizer)."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc
from zitat_server.extraction.tokenizer import doc_from_sentences, tokenize
from zitat_server.training.corpora import EXAMPLES

EXAMPLE = EXAMPLES / "umjerow-boeing.txt"


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text).tokens]


def sentences(text: str) -> list[str]:
    doc = tokenize(text)
    return [doc.text[s.start : s.end] for s in doc.sentences]


def assert_consistent(doc: Doc) -> None:
    """Offsets point at the token text; sentences partition the tokens in order."""
    previous_end = 0
    for t in doc.tokens:
        assert doc.text[t.start : t.end] == t.text
        assert t.text and not any(c.isspace() for c in t.text)
        assert previous_end <= t.start < t.end
        previous_end = t.end
    assert "".join(doc.text.split()) == "".join(t.text for t in doc.tokens)
    expected_first = 0
    for s in doc.sentences:
        assert s.first == expected_first < s.last
        assert s.start == doc.tokens[s.first].start and s.end == doc.tokens[s.last - 1].end
        expected_first = s.last
    assert expected_first == len(doc.tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Ja“, sagte er.", ["„", "Ja", "“", ",", "sagte", "er", "."]),
        (
            "‚Ja‘ und »nein« oder «vielleicht»",
            ["‚", "Ja", "‘", "und", "»", "nein", "«", "oder", "«", "vielleicht", "»"],
        ),
        ("Er rief \"Halt\" und 'Stopp'.", ["Er", "rief", '"', "Halt", '"', "und", "'", "Stopp", "'", "."]),
        ("die Kids’ Bücher", ["die", "Kids", "’", "Bücher"]),
        ("So geht's auf Hawai'i und O’Keefe", ["So", "geht's", "auf", "Hawai'i", "und", "O’Keefe"]),
        ("Da gibt 's 'ne Menge", ["Da", "gibt", "'s", "'ne", "Menge"]),
    ],
)
def test_quotation_marks_are_tokens_but_apostrophes_stay_in_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_abbreviations_keep_their_period_and_do_not_end_the_sentence() -> None:
    text = (
        "Dr. Meier, Prof. Schulz u. a. kamen z. B. nach St. Gallen bzw. Nr. 5, ca. 3 Mio. Euro "
        "und 2 Mrd. im 19. Jh. usw. gegen Art. 5. Das ist alles."
    )
    tokens = words(text)
    for abbreviation in ["Dr.", "Prof.", "u.", "a.", "z.", "B.", "St.", "bzw.", "Nr.", "ca.", "Mio.", "Mrd.", "Jh."]:
        assert abbreviation in tokens
    assert tokens[tokens.index("usw.") : tokens.index("Das")] == ["usw.", "gegen", "Art.", "5", "."]
    assert sentences(text) == [text[: text.index(" Das")], "Das ist alles."]


def test_some_abbreviations_can_end_a_sentence() -> None:
    assert sentences("Sie kauften Äpfel, Birnen usw. Danach gingen sie.") == [
        "Sie kauften Äpfel, Birnen usw.",
        "Danach gingen sie.",
    ]


def test_ordinals_keep_their_period_and_do_not_split() -> None:
    text = "Am 24. Februar 2022 und am 5. August traf in der 67. Minute der 1. FC Köln."
    tokens = words(text)
    assert tokens[1:4] == ["24.", "Februar", "2022"]
    assert tokens[6:8] == ["5.", "August"]
    assert "67." in tokens and "1." in tokens
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er wurde 75. Die Feier war groß.", ["Er wurde 75.", "Die Feier war groß."]),
        ("Das war im Jahr 2011. Danach kam nichts.", ["Das war im Jahr 2011.", "Danach kam nichts."]),
        ("Sie landeten auf Platz 19. Trainer Meier ging.", ["Sie landeten auf Platz 19.", "Trainer Meier ging."]),
    ],
)
def test_a_number_can_end_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
    assert "." in words(text)


@pytest.mark.parametrize("number", ["71,70", "9.000", "3,5", "1.000.000", "2:1", "10:30", "24.12.2022"])
def test_numbers_are_one_token(number: str) -> None:
    assert words(f"Es steht {number} heute.") == ["Es", "steht", number, "heute", "."]


@pytest.mark.parametrize(
    "address",
    [
        "https://www.example.de/pfad/seite?x=1&y=2",
        "www.ukrinform.de",
        "facebook.com/rustemumerov.ua",
        "news.bbc.co.uk",
        "max.mustermann@example.org",
    ],
)
def test_urls_and_email_addresses_are_one_token_without_the_final_period(address: str) -> None:
    assert words(f"Siehe {address}. Mehr nicht.") == ["Siehe", address, ".", "Mehr", "nicht", "."]


def test_hyphenated_compounds_are_one_token_and_brackets_slashes_dashes_separate() -> None:
    text = "Energie-, Gas- und Fidschi-Inseln (GPA-djp) SPD/Grünen – ja - nein"
    assert words(text) == [
        "Energie-",
        ",",
        "Gas-",
        "und",
        "Fidschi-Inseln",
        "(",
        "GPA-djp",
        ")",
        "SPD",
        "/",
        "Grünen",
        "–",
        "ja",
        "-",
        "nein",
    ]


def test_closing_quote_after_final_punctuation_stays_with_its_sentence() -> None:
    text = "„Ich setze Treffen fort.“ Er ging. „Wirklich?“ Ja! Sie fragte: „Wo?“, schrieb er."
    assert sentences(text) == [
        "„Ich setze Treffen fort.“",
        "Er ging.",
        "„Wirklich?“",
        "Ja!",
        "Sie fragte: „Wo?“, schrieb er.",
    ]


def test_sentence_needs_capital_digit_or_quote_after_the_period() -> None:
    assert sentences("Was nun? fragte er. 2005 kam er. „Gut.“") == [
        "Was nun? fragte er.",
        "2005 kam er.",
        "„Gut.“",
    ]


def test_omission_marks_do_not_end_a_sentence() -> None:
    assert sentences("Sie sagte: „[...] Ich war dort […] Er auch.“") == ["Sie sagte: „[...] Ich war dort […] Er auch.“"]


def test_lines_and_headlines_are_sentences() -> None:
    text = "Eine Überschrift ohne Punkt\n\nfoto\n\nDer Text beginnt hier. Er geht weiter\nNeue Zeile."
    assert sentences(text) == [
        "Eine Überschrift ohne Punkt",
        "foto",
        "Der Text beginnt hier.",
        "Er geht weiter",
        "Neue Zeile.",
    ]


def test_empty_and_whitespace_text() -> None:
    for text in ["", "  \n\t "]:
        doc = tokenize(text)
        assert doc.tokens == [] and doc.sentences == []
    doc = tokenize("  Hallo  Welt \n")
    assert [(t.start, t.end) for t in doc.tokens] == [(2, 7), (9, 13)]
    assert_consistent(doc)


def test_example_article_sentences() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = tokenize(text)
    assert_consistent(doc)
    found = [text[s.start : s.end] for s in doc.sentences]
    assert len(found) == 20
    assert found[0] == (
        "Umjerow und Delegation von Boeing Defense besprechen gemeinsame Produktion von Munition und Drohnen"
    )
    assert found[1] == "foto"
    # The three sentences of the direct quote; its closing mark and frame stay with the last.
    assert found[3] == "„Ich setze Treffen mit Leitern der Rüstungsindustrie fort."
    assert found[5].endswith("Produktion von Munition und Drohnen“, schrieb Umjerow.")
    assert found[7].endswith("danken den Partnern für den konstruktiven Dialog.“")
    assert found[10] == (
        "Der russische Präsident Putin erklärte am 24. Februar 2022 der Ukraine den Krieg "
        "und startete eine umfassende Offensive."
    )
    assert found[-1] == "Foto: facebook.com/rustemumerov.ua"
    tokens = [t.text for t in doc.tokens]
    assert "Energie-" in tokens and "Gas-" in tokens and "24." in tokens


def test_offsets_are_code_points() -> None:
    text = "Ein 👍 für „Café“ 😀. Nächster Satz."
    doc = tokenize(text)
    assert_consistent(doc)
    assert len(doc.sentences) == 2


def test_doc_from_sentences_keeps_the_tokenisation() -> None:
    doc = doc_from_sentences([["Er", "sagte", ":", "„", "z.B.", "“"], ["Gut", "."]])
    assert doc.text == "Er sagte : „ z.B. “\nGut ."
    assert [t.text for t in doc.tokens] == ["Er", "sagte", ":", "„", "z.B.", "“", "Gut", "."]
    assert [(s.first, s.last) for s in doc.sentences] == [(0, 6), (6, 8)]
    assert_consistent(doc)


@pytest.mark.parametrize(
    ("sentences_", "message"),
    [
        ([], "no tokens"),
        ([[]], "no tokens"),
        ([["Ja"], []], "sentence 1 is empty"),
        ([["Ja", ""]], "token 1 of sentence 0 is empty"),
        ([["New York"]], "contains whitespace"),
        ([["a\nb"]], "contains whitespace"),
    ],
)
def test_doc_from_sentences_rejects_what_cannot_be_written(sentences_: list[list[str]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        doc_from_sentences(sentences_)


def test_a_bracket_glued_to_the_final_period_opens_a_new_sentence():
    doc = tokenize("Er warnt vor einem Flächenbrand, den die FPÖ nutze.(Michael Völker, 25.6.2015)")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Er warnt vor einem Flächenbrand, den die FPÖ nutze.",
        "(Michael Völker, 25.6.2015)",
    ]
