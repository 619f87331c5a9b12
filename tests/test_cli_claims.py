"""The claim client methods and ``zitat ingest/speakers/claims`` against real zitat-servers."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from zitat_client import AsyncClient, Client, cli
from zitat_client.claims import ClaimFilter
from zitat_client.cli_claims import Progress
from zitat_client.errors import InvalidArgument, NotFound
from zitat_server.serving.launch import running_server
from zitat_server.training.corpora import EXAMPLES, NEWS_TRAIN

pytestmark = pytest.mark.slow

EXAMPLE = EXAMPLES / "umjerow-boeing.txt"
TASK_FILE = NEWS_TRAIN / "10057.json"  # "… Air-France-Piloten (2005-08-06)"
UMJEROW_LINE = "Rustem Umjerow [person]: 8 claims, 2024-09-03..2024-09-04; also Umjerow; Verteidigungsminister"


def zitat(*argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def example_server(tmp_path_factory) -> str:
    """A server whose store holds the example article under two outlets, ingested by the CLI."""
    store = tmp_path_factory.mktemp("example") / "claims.sqlite3"
    with running_server("--store", str(store)) as (target, _proc):
        for outlet, date in (("Ukrinform", "2024-09-03"), ("Zweite", "2024-09-04")):
            code, out, err = zitat("ingest", str(EXAMPLE), "--outlet", outlet, "--date", date, "--server", target)
            assert (code, out) == (0, "1 documents: 1 created, 0 updated, 0 unchanged, 0 failed; 4 claims\n")
            assert err == "1/1 documents\n"  # plain progress: stderr is no terminal here
        yield target


@pytest.fixture(scope="module")
def scratch_server(tmp_path_factory) -> str:
    """A server for the tests that change or add to the store."""
    store = tmp_path_factory.mktemp("scratch") / "claims.sqlite3"
    with running_server("--store", str(store)) as (target, _proc):
        yield target


# --- the example article under two outlets ------------------------------------------------------


def test_speakers_shows_one_umjerow_with_eight_claims(example_server: str) -> None:
    assert zitat("speakers", "--server", example_server) == (0, UMJEROW_LINE + "\n", "")
    code, out, _ = zitat("speakers", "--format", "json", "--server", example_server)
    (speaker,) = json.loads(out)
    assert (code, speaker["name"], speaker["claim_count"]) == (0, "Rustem Umjerow", 8)
    assert speaker["roles"][0]["role"] == "Verteidigungsminister"
    assert speaker["first_seen"] == "2024-09-03T00:00:00Z" and speaker["last_seen"] == "2024-09-04T00:00:00Z"


def test_claims_by_speaker_four_per_outlet_each_linked_to_its_twin(example_server: str) -> None:
    code, out, _ = zitat("claims", "--speaker", "Rustem Umjerow", "--format", "json", "--server", example_server)
    claims = json.loads(out)
    assert code == 0 and Counter(c["outlet"] for c in claims) == {"Ukrinform": 4, "Zweite": 4}
    assert {c["speaker_name"] for c in claims} == {"Rustem Umjerow"}
    assert [c["published_at"] for c in claims] == ["2024-09-04T00:00:00Z"] * 4 + ["2024-09-03T00:00:00Z"] * 4
    with Client(example_server) as client:
        for claim in claims[:4]:
            cluster = client.get_claim_cluster(claim["id"])
            assert [c.outlet for c in cluster.claims] == ["Ukrinform", "Zweite"]
            assert cluster.first_appearance == cluster.claims[0] and cluster.claims[1].id == claim["id"]
            assert cluster.claims[0].text == claim["text"]
            assert [link.kind for link in cluster.links] == ["NEAR_DUPLICATE"]

    code, text, _ = zitat("claims", "--speaker", "Rustem Umjerow", "--server", example_server)
    lines = text.splitlines()
    assert code == 0 and len(lines) == 8
    assert all(" [DIRECT] Rustem Umjerow: „" in line or " [INDIRECT] Rustem Umjerow: „" in line for line in lines)
    assert lines[0].startswith("2024-09-04 Zweite ") and lines[0].endswith(f"(Zweite:{EXAMPLE})")


def test_claims_full_text_outlet_and_dates(example_server: str) -> None:
    code, out, _ = zitat("claims", "--query", "Drohnen", "--server", example_server)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 and all("Drohnen" in line and "Rustem Umjerow" in line for line in lines)
    _, out, _ = zitat("claims", "--query", "Drohnen", "--since", "2024-09-04", "--server", example_server)
    assert [line.split()[1] for line in out.splitlines()] == ["Zweite"]
    _, out, _ = zitat("claims", "--speaker", "Umerow", "--outlet", "Ukrinform", "--server", example_server)
    assert len(out.splitlines()) == 4
    assert zitat("claims", "--query", "Drohnen", "--until", "2024-09-03", "--server", example_server) == (0, "", "")
    assert zitat("claims", "--speaker", "Niemand Unbekannt", "--server", example_server) == (0, "", "")


def test_reingest_changes_nothing(example_server: str) -> None:
    code, out, _ = zitat(
        "ingest", str(EXAMPLE), "--outlet", "Zweite", "--date", "2024-09-04", "--server", example_server
    )
    assert (code, out) == (0, "1 documents: 0 created, 0 updated, 1 unchanged, 0 failed; 4 claims\n")
    assert zitat("speakers", "--server", example_server)[1] == UMJEROW_LINE + "\n"


def test_search_claims_follows_page_tokens(example_server: str) -> None:
    with Client(example_server) as client:
        claims = list(client.search_claims(speaker_name="Umjerow", page_size=3))
        assert len(claims) == len({c.id for c in claims}) == 8
        assert claims == list(client.search_claims(ClaimFilter(speaker_name="Umjerow")))
        assert [c.published_at for c in claims] == sorted((c.published_at for c in claims), reverse=True)
        speaker = next(client.list_speakers(page_size=1))
        timeline = client.get_speaker(speaker.id, timeline_limit=5)
        assert timeline.speaker == speaker and len(timeline.timeline) == 5
        assert timeline.timeline[-1].published_at == dt.datetime(2024, 9, 4, tzinfo=dt.timezone.utc)


def test_async_client(example_server: str) -> None:
    async def run() -> tuple[list[str], int, list[str]]:
        async with AsyncClient(example_server) as client:
            names = [s.name async for s in client.list_speakers()]
            hits = [c async for c in client.search_claims(query="Drohnen", page_size=1)]
            results = [r.status async for r in client.ingest([{"id": "Zweite:x", "text": "   "}])]
            cluster = await client.get_claim_cluster(hits[0].id)
            assert (await client.get_speaker(hits[0].speaker_id)).speaker.claim_count == 8
            return names, len(cluster.claims) + len(hits), results

    assert asyncio.run(run()) == (["Rustem Umjerow"], 4, ["FAILED"])


# --- ingesting files and directories; changing speakers -----------------------------------------


def test_ingest_directory_with_text_and_task_files(scratch_server: str, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(TASK_FILE, tmp_path / "sub" / TASK_FILE.name)
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    (tmp_path / "notes.md").write_text("not an article")
    code, out, err = zitat(
        "ingest", str(tmp_path), "--outlet", "Dir", "--date", "2024-01-02", "--server", scratch_server
    )
    assert code == 0 and out.startswith("2 documents: 2 created, 0 updated, 0 unchanged, 0 failed; ")
    assert err == "1/2 documents\n2/2 documents\n"
    with Client(scratch_server) as client:
        task_claims = list(client.search_claims(document_id=f"Dir:{tmp_path / 'sub' / TASK_FILE.name}"))
        text_claims = list(client.search_claims(document_id=f"Dir:{tmp_path / EXAMPLE.name}"))
    assert task_claims and {c.published_at.date() for c in task_claims} == {dt.date(2005, 8, 6)}  # from its name
    assert {c.title for c in task_claims} == {
        "10057 - Ermittler erheben Vorwürfe gegen Air-France-Piloten (2005-08-06)"
    }
    assert len(text_claims) == 4 and {c.published_at.date() for c in text_claims} == {dt.date(2024, 1, 2)}
    assert {c.outlet for c in task_claims + text_claims} == {"Dir"}


def test_ingest_reports_failed_documents_and_bad_paths(scratch_server: str, tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_text("  \n")
    code, out, err = zitat("ingest", str(empty), "--server", scratch_server)
    assert (code, out) == (1, "1 documents: 0 created, 0 updated, 0 unchanged, 1 failed; 0 claims\n")
    assert f"document {str(empty)!r}: INVALID_ARGUMENT" in err
    code, out, err = zitat("ingest", str(tmp_path / "missing.txt"), "--server", scratch_server)
    assert (code, out) == (1, "") and "missing.txt: no such file or directory" in err


def test_merge_split_and_delete(scratch_server: str, example_text: str) -> None:
    with Client(scratch_server) as client:
        results = list(client.ingest([{"id": f"md/{o}", "text": example_text, "outlet": o} for o in "AB"]))
        assert [(r.status, r.claim_count, r.ok) for r in results] == [("CREATED", 4, True)] * 2
        (speaker,) = client.list_speakers(name_contains="umjerow")
        split = client.split_speaker(speaker.id, document_ids=["md/B"], name="Zweiter Umjerow")
        assert (split.moved_claims, split.created.name) == (4, "Zweiter Umjerow")
        assert split.original.claim_count == speaker.claim_count - 4
        merged = client.merge_speakers(speaker.id, [split.created.id])
        assert (merged.id, merged.claim_count) == (speaker.id, speaker.claim_count)
        assert client.delete_document("md/B") == 4
        assert next(client.list_speakers(name_contains="umjerow")).claim_count == speaker.claim_count - 4
        with pytest.raises(NotFound):
            client.delete_document("md/B")
        with pytest.raises(InvalidArgument, match="page_size"):
            list(client.search_claims(query="Drohnen", page_size=-1))
        with pytest.raises(ValueError, match="aliases or document ids"):
            client.split_speaker(speaker.id)


FIRE = (
    "Kassel – Bei einem Brand in der Innenstadt sind am Montag zwei Menschen verletzt worden. Nach Angaben der "
    "Polizei in Kassel brach das Feuer im Dachgeschoss aus. „Die Bewohner konnten sich rechtzeitig in Sicherheit "
    "bringen“, sagte ein Sprecher der Feuerwehr. Ein Augenzeuge berichtete, er habe eine laute Explosion gehört."
)


def test_organisations_and_anonymous_sources(scratch_server: str, tmp_path: Path) -> None:
    article = tmp_path / "brand.txt"
    article.write_text(FIRE, encoding="utf-8")
    assert zitat("ingest", str(article), "--outlet", "HNA", "--date", "2024-03-04", "--server", scratch_server)[0] == 0
    _, out, _ = zitat("speakers", "--type", "organization", "--name", "polizei", "--server", scratch_server)
    # The according-to frame's source is "Angaben der Polizei"; the place right after it ("in
    # Kassel") qualifies the local institution, as the reader reads a mention in its sentence.
    assert out.splitlines() == ["Polizei (Kassel) [organization]: 1 claims, 2024-03-04..2024-03-04"]
    _, out, _ = zitat("speakers", "--type", "person", "--name", "polizei", "--server", scratch_server)
    assert out == ""
    _, out, _ = zitat("claims", "--outlet", "HNA", "--server", scratch_server)
    who = {line.split("] ", 1)[1].split(": „")[0] for line in out.splitlines()}
    assert who == {"Polizei (Kassel)", "Sprecher, Feuerwehr", "Augenzeuge (anonymous)"}
    _, out, _ = zitat("claims", "--outlet", "HNA", "--type", "organization", "--format", "json",
                      "--server", scratch_server)
    claims = json.loads(out)
    assert len(claims) == 2 and {c["speaker_type"] for c in claims} == {"ORGANIZATION"}
    (member,) = [c for c in claims if c["anonymous"]]
    assert (member["source_role"], member["speaker_name"]) == ("Sprecher", "Feuerwehr")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as info:
        cli.main(["speakers", "--type", "company", "--server", scratch_server])
    assert info.value.code == 2 and "not a speaker type: 'company'" in err.getvalue()


# --- pieces -------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere() -> None:
    tty, log = _Terminal(), io.StringIO()
    for out in (tty, log):
        progress = Progress(20, out)
        for _ in range(20):
            progress.advance()
        progress.close()
    assert tty.getvalue().count("\r[") == 20 and tty.getvalue().endswith("/s)\n")
    assert "\r[###############...............] 10/20 documents (" in tty.getvalue()
    assert "\r[##############################] 20/20 documents (" in tty.getvalue()
    assert log.getvalue().splitlines() == [f"{n}/20 documents" for n in (1, *range(2, 21, 2))]


def test_groups_get_group_records(scratch_server: str, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            "Kassel – In der Innenstadt brannte es am Montag. Augenzeugen berichteten, sie hätten eine laute "
            "Explosion gehört. Man wisse noch nichts, hieß es.", encoding="utf-8")
        assert zitat("ingest", str(tmp_path / f"{name}.txt"), "--outlet", "GRP", "--date", "2024-03-04",
                     "--server", scratch_server)[0] == 0
    # one record for the group of both articles: groups merge by name and qualifier
    _, out, _ = zitat("speakers", "--type", "group", "--name", "augenzeugen", "--server", scratch_server)
    assert out.splitlines() == ["Augenzeugen [group]: 2 claims, 2024-03-04..2024-03-04"]
    _, out, _ = zitat("claims", "--outlet", "GRP", "--type", "group", "--format", "json", "--server", scratch_server)
    assert {c["speaker_type"] for c in json.loads(out)} == {"GROUP"}
