"""The SpkAtt-2023 task format (zitat_client.taskformat)."""

from __future__ import annotations

import ast
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from zitat_client import taskformat
from zitat_client.taskformat import detokenize, dev_split, load, tokens_for_span
from zitat_server.training.corpora import DATA, NEWS_TRAIN

NEWS = NEWS_TRAIN
PARLIAMENT = DATA / "spkatt-parliament" / "dev"


def check_round_trip(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    text, offsets = detokenize(sentences)
    assert [len(s) for s in offsets] == [len(s) for s in sentences]
    for sentence, spans in zip(sentences, offsets, strict=True):
        for token, (start, end) in zip(sentence, spans, strict=True):
            assert text[start:end] == token
    return text, offsets


def test_detokenize_writes_german_typography() -> None:
    sentences = [
        ["Er", "sagte", ":", "„", "Wir", "kommen", "(", "bald", ")", "!", "“"],
        ["Das", "ist", "„", "gut", "“", ",", "so", "er", ";", "ja", "?"],
        ["Wer", "sagt", '"', "nein", '"', "und", '"', "ja", '"', "?"],
        ["Energie-", ",", "Gas-", "und", "‚", "Öl", "‘", "–", "SPD", "/", "Grüne", "..."],
        ["«", "Schweizerhaus", "»", "oder", "»", "Hütte", "«", "."],
    ]
    text, _ = check_round_trip(sentences)
    assert text == (
        "Er sagte: „Wir kommen (bald)!“ Das ist „gut“, so er; ja? "
        'Wer sagt "nein" und "ja"? Energie-, Gas- und ‚Öl‘ – SPD/Grüne... '
        "«Schweizerhaus» oder »Hütte«."
    )


def test_detokenize_closes_a_german_quote_with_a_straight_mark() -> None:
    # The task data mixes „ with " as closer: the " closes (no space before it) and a later
    # straight pair still opens and closes as usual.
    sentences = [
        ["„", "Das", "stellt", '"', ",", "zitiert", "ndr.de", "Meyer", "."],
        ["Dann", "sagte", "er", "„", "extrem", "“", "."],
        ["Er", "sagt", '"', "nein", '"', "."],
    ]
    text, _ = check_round_trip(sentences)
    assert text == '„Das stellt", zitiert ndr.de Meyer. Dann sagte er „extrem“. Er sagt "nein".'


def test_detokenize_rejects_empty_input_parts() -> None:
    assert detokenize([]) == ("", [])
    with pytest.raises(ValueError, match="sentence 1"):
        detokenize([["Ja"], []])
    with pytest.raises(ValueError, match="token 0:1"):
        detokenize([["Ja", ""]])


def test_load_and_round_trip_a_real_file() -> None:
    document = load(NEWS / "10022.json")
    assert document.name == "10022"
    assert document.document_name == "10022 - Der Astronaut Neil Armstrong wird heute 75 Jahre alt (2005-08-05)"
    assert document.date == date(2005, 8, 5)
    assert document.sentences[0][:3] == ["1969", "betrat", "Neil"]
    assert document.annotations and "Message" in document.annotations[0]
    text, offsets = check_round_trip(document.sentences)
    assert text.startswith("1969 betrat Neil Alden Armstrong als erster Mensch den Mond. Heute wurde der am 5. August")
    assert "in dem kleinen Ort Wapakoneta (Ohio) geborene" in text
    # Every annotated token id maps to a span that maps back to exactly that id.
    for annotation in document.annotations:
        for token_id in annotation["Message"]:
            i, j = map(int, token_id.split(":"))
            assert tokens_for_span(offsets, *offsets[i][j]) == [token_id]


def test_round_trip_all_news_files() -> None:
    for path in sorted(NEWS.glob("*.json")):
        check_round_trip(load(path).sentences)


def test_parliament_files_have_no_name_or_date() -> None:
    document = load(next(iter(sorted(PARLIAMENT.glob("*.json")))))
    assert document.document_name is None and document.date is None
    assert document.annotations and "Cue" in document.annotations[0]
    check_round_trip(document.sentences)


def test_date_is_none_when_missing_or_invalid(tmp_path: Path) -> None:
    cases = [
        ("1 - Titel (2005-13-40)", None),
        ("2 - Titel ohne Datum", None),
        ("3 - X (2020-02-29)", date(2020, 2, 29)),
    ]
    for name, expected in cases:
        path = tmp_path / "x.json"
        path.write_text(json.dumps({"DocumentName": name, "Sentences": [{"SentenceId": 0, "Tokens": ["A"]}]}))
        assert load(path).date == expected
        assert load(path).annotations == []


def test_tokens_for_span_finds_overlapping_tokens() -> None:
    text, offsets = detokenize([["Er", "kam", "."], ["„", "Gut", "“", ",", "sagte", "sie", "."]])
    assert text == "Er kam. „Gut“, sagte sie."
    assert tokens_for_span(offsets, 0, 2) == ["0:0"]
    assert tokens_for_span(offsets, 1, 4) == ["0:0", "0:1"]  # partial overlaps count
    assert tokens_for_span(offsets, 2, 3) == []  # only the space
    assert tokens_for_span(offsets, text.index("Gut"), text.index("sagte")) == ["1:1", "1:2", "1:3"]
    assert tokens_for_span(offsets, 4, text.index("sie")) == ["0:1", "0:2", "1:0", "1:1", "1:2", "1:3", "1:4"]
    assert tokens_for_span(offsets, 0, len(text) + 10) == [f"0:{j}" for j in range(3)] + [f"1:{j}" for j in range(7)]
    assert tokens_for_span(offsets, 5, 5) == []
    assert tokens_for_span(offsets, len(text), len(text) + 3) == []
    assert tokens_for_span([], 0, 10) == []


def test_dev_split_is_deterministic_disjoint_and_about_fifteen_percent() -> None:
    names = [str(n) for n in range(1000, 3000)]
    train, dev = dev_split(names)
    assert (train, dev) == dev_split(reversed(names))
    assert train == sorted(train) and dev == sorted(dev)
    assert not set(train) & set(dev) and set(train) | set(dev) == set(names)
    assert 0.12 < len(dev) / len(names) < 0.18
    # A file's side depends on its stem only: not on the other files, nor on a path or suffix.
    assert dev_split(dev[:3]) == ([], dev[:3])
    assert dev_split([f"/data/{dev[0]}.json", f"{train[0]}.json"]) == ([f"{train[0]}.json"], [f"/data/{dev[0]}.json"])


def test_dev_split_of_the_news_files_is_fixed() -> None:
    train, dev = dev_split(p.stem for p in NEWS.glob("*.json"))
    assert (len(train), len(dev)) == (604, 96)
    assert dev[:5] == ["1034", "12716", "12809", "12873", "13091"]  # pinned: results depend on it


def test_module_uses_only_the_standard_library() -> None:
    tree = ast.parse(Path(taskformat.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}
