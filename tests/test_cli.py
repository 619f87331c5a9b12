"""``zitat extract`` against the in-process fake QuoteService (tests/fakes.py)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import ARTICLE, EMPTY_TEXT, FakeServer, serve, unused_target
from zitat_client import cli

DIRECT_LINE = "[DIRECT] Rustem Umjerow (Umjerow) schrieb: „Ich setze mich für die Soldaten ein“"
INDIRECT_LINE = ("[INDIRECT] Rustem Umjerow (Der Verteidigungsminister Rustem Umjerow) betonte: "
                 "„die Lage sei schwierig“")


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with serve() as server:
        yield server


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "umjerow.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def task_file(tmp_path: Path) -> Path:
    path = tmp_path / "10022.json"
    sentences = [["Der", "Verteidigungsminister", "Rustem", "Umjerow", "betonte", ",", "die", "Lage",
                  "sei", "schwierig", "."]]
    path.write_text(json.dumps({
        "DocumentName": "10022 - Umjerow zur Lage (2023-09-04)",
        "Sentences": [{"SentenceId": i, "Tokens": tokens} for i, tokens in enumerate(sentences)],
        "Annotations": [],
    }), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_format(fake: FakeServer, article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(article), "--server", fake.target)
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"# {article} (2 quotes)", DIRECT_LINE, INDIRECT_LINE]


def test_json_format_is_one_array(fake: FakeServer, article: Path, task_file: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(article), str(task_file), "--server", fake.target,
                       "--format", "json")
    assert code == 0
    documents = json.loads(out)
    assert [d["document_id"] for d in documents] == [str(article), str(task_file)]
    first = documents[0]["quotes"][0]
    assert first["form"] == "DIRECT" and first["medium"] == "WRITING"
    assert ARTICLE[first["message"][0]["start"]:first["message"][0]["end"]] == first["message"][0]["text"]


def test_jsonl_format_and_task_files_are_sent_pretokenised(
    fake: FakeServer, task_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "extract", str(task_file), "--server", fake.target, "--format", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    document = json.loads(lines[0])
    assert document["text"] == "Der Verteidigungsminister Rustem Umjerow betonte , die Lage sei schwierig ."
    assert [q["form"] for q in document["quotes"]] == ["INDIRECT"]
    sent = fake.service.requests[-1].document
    assert sent.text == "" and list(sent.sentences[0].tokens)[:2] == ["Der", "Verteidigungsminister"]
    assert sent.published_at.ToDatetime().date().isoformat() == "2023-09-04"


def test_stdin_text_and_task_json(fake: FakeServer, task_file: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(ARTICLE))
    code, out, _ = run(capsys, "extract", "-", "--server", fake.target)
    assert code == 0 and out.splitlines()[1:] == [DIRECT_LINE, INDIRECT_LINE]
    assert fake.service.requests[-1].document.id == "-"

    monkeypatch.setattr("sys.stdin", io.StringIO(task_file.read_text(encoding="utf-8")))
    code, out, _ = run(capsys, "extract", "-", "--server", fake.target)
    assert code == 0 and out.splitlines()[1:] == [INDIRECT_LINE]
    assert len(fake.service.requests[-1].document.sentences) == 1


def test_json_without_sentences_is_plain_text(fake: FakeServer, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"text": "hallo"}', encoding="utf-8")
    code, _, _ = run(capsys, "extract", str(path), "--server", fake.target)
    assert code == 0
    assert fake.service.requests[-1].document.text == '{"text": "hallo"}'


def test_rejected_document_exit_1_others_still_printed(
    fake: FakeServer, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(empty), str(article), "--server", fake.target,
                         "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["document_id"] for line in out.splitlines()] == [str(article)]
    assert str(empty) in err and "INVALID_ARGUMENT" in err and EMPTY_TEXT in err


def test_missing_file_exit_1_before_any_call(fake: FakeServer, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(tmp_path / "nope.txt"), "--server", fake.target)
    assert (code, out) == (1, "")
    assert "nope.txt" in err
    assert fake.service.calls == 0


def test_unreachable_server_exit_2(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = unused_target()
    code, out, err = run(capsys, "extract", str(article), "--server", target, "--timeout", "5")
    assert (code, out) == (2, "")
    assert f"cannot reach the zitat server at {target}" in err


def test_server_from_environment(fake: FakeServer, article: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ZITAT_SERVER", fake.target)
    code, out, _ = run(capsys, "extract", str(article))
    assert code == 0 and DIRECT_LINE in out.splitlines()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["extract"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["extract", "x.txt", "--format", "xml"])


def test_new_subcommands_plug_into_the_registry(fake: FakeServer, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "COMMANDS", dict(cli.COMMANDS))

    def add_arguments(parser: object) -> None:
        parser.add_argument("--verbose", action="store_true")  # type: ignore[attr-defined]

    def info(args: object, client: cli.Client) -> int:
        print(client.model_info().pipeline_version, args.verbose)  # type: ignore[attr-defined]
        return 0

    cli.add_command("info", "show the pipeline", add_arguments, info)
    with pytest.raises(ValueError, match="already"):
        cli.add_command("info", "twice", add_arguments, info)
    code, out, _ = run(capsys, "info", "--verbose", "--server", fake.target)
    assert (code, out) == (0, "0.1.0+fake True\n")
    code, _, err = run(capsys, "info", "--server", unused_target())
    assert code == 2 and "cannot reach" in err


def test_token_from_the_option_or_the_environment(fake: FakeServer, article: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(capsys, "extract", str(article), "--server", fake.target, "--token", "t1")[0] == 0
    assert dict(fake.service.metadata[-1])["authorization"] == "Bearer t1"
    monkeypatch.setenv("ZITAT_TOKEN", "t2")
    assert run(capsys, "extract", str(article), "--server", fake.target)[0] == 0
    assert dict(fake.service.metadata[-1])["authorization"] == "Bearer t2"
