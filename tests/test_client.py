"""The blocking and asyncio clients against an in-process fake QuoteService (tests/fakes.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator

import grpc
import pytest
from fakes import ARTICLE, EMPTY_TEXT, PIPELINE_VERSION, FakeServer, serve, unused_target
from google.protobuf import descriptor_pool
from grpc_health.v1 import health_pb2
from zitat_client import (
    AsyncClient,
    Client,
    DeadlineExceeded,
    Extraction,
    FieldViolation,
    InvalidArgument,
    Unavailable,
    ZitatError,
    models,
)
from zitat_client.client import service_config
from zitat_proto.v1 import quotes_pb2


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with serve() as server:
        yield server


@pytest.fixture
def client(fake: FakeServer) -> Iterator[Client]:
    with Client(fake.target, timeout=5.0) as c:
        yield c


def check_article(result: Extraction) -> None:
    """The fake's analysis of ARTICLE, with offsets that really index the text."""
    assert result.pipeline_version == PIPELINE_VERSION
    assert [q.form for q in result.quotes] == ["DIRECT", "INDIRECT"]
    assert [q.medium for q in result.quotes] == ["WRITING", "SPEECH"]
    direct = result.quotes[0]
    assert direct.confidence == 0.9  # float32 on the wire, rounded back to its 7 digits
    assert direct.parent == -1 and direct.origin == "rules"
    assert direct.addressee is None
    assert direct.speaker_id == "e1"  # the wire has the id; the client joins the speaker
    assert direct.speaker is not None and direct.speaker.canonical_name == "Rustem Umjerow"
    assert direct.speaker.roles == ("Verteidigungsminister",)
    assert result.quotes[1].speaker is direct.speaker
    for span in (*direct.message, *direct.cue, direct.source):
        assert ARTICLE[span.start:span.end] == span.text
    assert result.speakers[0].entity_id == "e1"
    assert result.timing == models.Timing(queue_ms=0.5, processing_ms=12.25)
    assert result.error is None and result.ok


# --- models -------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", sorted(set(models._REGISTRY.values()), key=lambda c: c.__name__))
def test_models_have_exactly_the_fields_of_their_message(cls: type[models.Model]) -> None:
    proto_fields = {f.name for f in descriptor_pool.Default().FindMessageTypeByName(cls.PROTO).fields}
    assert {f.name for f in dataclasses.fields(cls)} == proto_fields  # type: ignore[arg-type]


def test_from_pb_rejects_another_message() -> None:
    with pytest.raises(TypeError, match="zitat.v1.Span"):
        models.Span.from_pb(quotes_pb2.Timing())


def test_unknown_enum_number_is_kept_as_text() -> None:
    quote = models.Quote.from_pb(quotes_pb2.Quote(form=42))  # type: ignore[arg-type]
    assert quote.form == "42" and quote.medium == "UNSPECIFIED"


def test_to_dict_is_json_with_proto_field_names(client: Client) -> None:
    result = client.extract(ARTICLE, id="a1", request_id="r1")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["document_id"] == "a1" and data["request_id"] == "r1"
    quote = data["quotes"][0]
    assert quote["form"] == "DIRECT"
    assert quote["cue"] == [{"start": ARTICLE.index("schrieb"), "end": ARTICLE.index("schrieb") + 7,
                             "text": "schrieb"}]
    assert quote["addressee"] is None
    assert quote["speaker"]["mentions"][0]["text"] == "Umjerow"
    assert data["error"] is None
    assert data["timing"] == {"queue_ms": 0.5, "processing_ms": 12.25}


def test_results_are_frozen(client: Client) -> None:
    result = client.extract(ARTICLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.quotes[0].form = "REPORTED"  # type: ignore[misc]


# --- blocking client ----------------------------------------------------------------------------


def test_extract_text_and_document_fields(fake: FakeServer, client: Client) -> None:
    published = dt.datetime(2024, 3, 1, 12, 30, tzinfo=dt.timezone.utc)
    check_article(client.extract(ARTICLE, id="a1", title="T", outlet="Ukrinform",
                                 url="https://example.org/a1", published_at=published))
    doc = fake.service.requests[-1].document
    assert (doc.id, doc.title, doc.outlet, doc.url) == ("a1", "T", "Ukrinform", "https://example.org/a1")
    assert doc.published_at.ToDatetime(tzinfo=dt.timezone.utc) == published


def test_published_date_is_midnight_utc(fake: FakeServer, client: Client) -> None:
    client.extract(ARTICLE, published_at=dt.date(2005, 8, 5))
    assert fake.service.requests[-1].document.published_at.ToDatetime() == dt.datetime(2005, 8, 5)


def test_extract_sentences_sends_tokens(fake: FakeServer, client: Client) -> None:
    tokens = [["Umjerow", "betonte", ",", "die", "Lage", "sei", "schwierig", "."]]
    result = client.extract_sentences(tokens, id="t1")
    assert [list(s.tokens) for s in fake.service.requests[-1].document.sentences] == tokens
    assert fake.service.requests[-1].document.text == ""
    assert result.text == " ".join(tokens[0])
    assert [q.form for q in result.quotes] == ["INDIRECT"]


def test_invalid_argument_carries_field_violations(client: Client) -> None:
    with pytest.raises(InvalidArgument) as info:
        client.extract("")
    assert info.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert info.value.field_violations == (FieldViolation("document.text", EMPTY_TEXT),)
    assert "document.text" in str(info.value)
    assert isinstance(info.value.__cause__, grpc.RpcError)


def test_unavailable_is_retried_with_backoff(fake: FakeServer, client: Client) -> None:
    fake.service.fail_unavailable = 2
    check_article(client.extract(ARTICLE))
    assert fake.service.calls == 3


def test_retries_are_bounded(fake: FakeServer) -> None:
    fake.service.fail_unavailable = 2
    with Client(fake.target, retries=1, timeout=5.0) as c, pytest.raises(Unavailable, match="warming up"):
        c.extract(ARTICLE)
    assert fake.service.calls == 2


def test_no_retry_without_retries(fake: FakeServer) -> None:
    fake.service.fail_unavailable = 1
    with Client(fake.target, retries=0) as c, pytest.raises(Unavailable):
        c.extract(ARTICLE)
    assert fake.service.calls == 1


def test_invalid_argument_is_not_retried(fake: FakeServer, client: Client) -> None:
    with pytest.raises(InvalidArgument):
        client.extract("")
    assert fake.service.calls == 1


def test_retries_outside_grpc_limit_are_refused() -> None:
    with pytest.raises(ValueError, match="retries"):
        service_config(5)


def test_default_deadline_applies(fake: FakeServer) -> None:
    fake.service.delay_s = 0.5
    with Client(fake.target, timeout=0.1) as c:
        with pytest.raises(DeadlineExceeded):
            c.extract(ARTICLE)
        check_article(c.extract(ARTICLE, timeout=5.0))  # a per-call timeout overrides it


def test_metadata_of_client_and_call_are_sent(fake: FakeServer) -> None:
    with Client(fake.target, metadata=[("authorization", "Bearer t")]) as c:
        c.extract(ARTICLE, metadata=[("x-request-id", "r9")])
    sent = dict(fake.service.metadata[-1])
    assert sent["authorization"] == "Bearer t" and sent["x-request-id"] == "r9"


def test_token_is_sent_as_bearer_authorization(fake: FakeServer) -> None:
    with Client(fake.target, token="s3cret") as c:
        c.extract(ARTICLE)
        assert "s3cret" not in repr(c)
    assert dict(fake.service.metadata[-1])["authorization"] == "Bearer s3cret"


def test_message_limits_agree_with_the_server() -> None:
    from zitat_client.channel import MAX_MESSAGE_BYTES
    from zitat_server.serving.config import MAX_MESSAGE_BYTES as SERVER_LIMIT

    assert MAX_MESSAGE_BYTES == SERVER_LIMIT
    with Client("127.0.0.1:1") as c:
        assert ("grpc.max_receive_message_length", SERVER_LIMIT) in c.options
        assert ("grpc.max_send_message_length", SERVER_LIMIT) in c.options


def test_compression_by_name(fake: FakeServer) -> None:
    with Client(fake.target, compression="gzip") as c:
        check_article(c.extract(ARTICLE))
    with pytest.raises(ValueError, match="compression"):
        Client(fake.target, compression="zstd")


def test_mtls_needs_key_and_chain() -> None:
    with pytest.raises(ValueError, match="together"):
        Client("127.0.0.1:1", private_key=b"key")


def test_message_size_limit_is_enforced_on_the_client(fake: FakeServer) -> None:
    with Client(fake.target, max_message_bytes=1024, retries=0) as c, pytest.raises(ZitatError) as info:
        c.extract("x" * 4096)
    assert info.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED


def test_extract_many_in_order_with_per_document_errors(fake: FakeServer, client: Client) -> None:
    items = [ARTICLE, {"text": "", "id": "empty"}, {"text": "Nichts gesagt.", "id": "n", "request_id": "r3"},
             {"sentences": [["Umjerow", "betonte", "das", "."]], "id": "tok"}]
    results = list(client.extract_many(items))
    assert [r.document_id for r in results] == ["", "empty", "n", "tok"]
    check_article(results[0])
    assert not results[1].ok and results[1].quotes == ()
    with pytest.raises(InvalidArgument) as info:
        results[1].raise_for_error()
    assert info.value.document_id == "empty"
    assert info.value.field_violations == (FieldViolation("document.text", EMPTY_TEXT),)
    assert results[2].ok and results[2].quotes == () and results[2].request_id == "r3"
    assert results[3].text == "Umjerow betonte das ."
    assert fake.service.calls == 1  # one stream


def test_extract_many_is_lazy_and_generators_work(client: Client) -> None:
    produced: list[int] = []

    def documents() -> Iterator[str]:
        for i in range(50):
            produced.append(i)
            yield f"Text {i}."

    results = client.extract_many(documents())
    assert produced == []  # nothing sent before iteration
    assert sum(1 for _ in results) == 50


def test_extract_many_reports_a_bad_document_item(client: Client) -> None:
    with pytest.raises(TypeError, match="colour"):
        list(client.extract_many([ARTICLE, {"text": "x", "colour": "red"}]))


def test_model_info(client: Client) -> None:
    info = client.model_info()
    assert info.pipeline_version == PIPELINE_VERSION and info.max_document_bytes == 1 << 20
    model = info.components[1]
    assert (model.name, model.kind, model.license) == ("attribution", "model", "CC-BY-SA-4.0")
    assert model.scores == {"joint_f1": 0.61}
    assert info.to_dict()["components"][0]["scores"] == {}


def test_readiness_follows_the_health_service(fake: FakeServer, client: Client) -> None:
    assert client.is_server_ready()
    fake.health.set("zitat.v1.QuoteService", health_pb2.HealthCheckResponse.NOT_SERVING)
    assert not client.is_server_ready()


def test_readiness_falls_back_to_the_overall_status() -> None:
    with serve(register_quote_service_health=False) as fake, Client(fake.target) as c:
        assert c.is_server_ready()
        fake.health.set("", health_pb2.HealthCheckResponse.NOT_SERVING)
        assert not c.is_server_ready()


def test_unreachable_server() -> None:
    with Client(unused_target(), timeout=5.0) as c:
        assert not c.is_server_ready(timeout=1.0)
        with pytest.raises(Unavailable):
            c.extract(ARTICLE)


def test_client_imports_no_heavy_packages() -> None:
    code = "import sys, zitat_client.cli; print(*sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "grpc" in loaded.stdout.split()
    assert not {"torch", "flair", "numpy", "zitat_server"} & set(loaded.stdout.split())


# --- asyncio client -----------------------------------------------------------------------------


def test_async_client(fake: FakeServer) -> None:
    async def scenario() -> None:
        async with AsyncClient(fake.target, timeout=5.0) as c:
            check_article(await c.extract(ARTICLE, id="a"))
            result = await c.extract_sentences([["Umjerow", "betonte", "."]])
            assert result.text == "Umjerow betonte ."
            with pytest.raises(InvalidArgument) as info:
                await c.extract("")
            assert info.value.field_violations == (FieldViolation("document.text", EMPTY_TEXT),)
            assert (await c.model_info()).components[1].scores == {"joint_f1": 0.61}
            assert await c.is_server_ready()
            with pytest.raises(TypeError, match="colour"):
                [r async for r in c.extract_many([ARTICLE, {"text": "x", "colour": "red"}])]

    asyncio.run(scenario())


def test_async_retry(fake: FakeServer) -> None:
    fake.service.fail_unavailable = 2

    async def scenario() -> Extraction:
        async with AsyncClient(fake.target, timeout=5.0) as c:
            return await c.extract(ARTICLE)

    check_article(asyncio.run(scenario()))
    assert fake.service.calls == 3


def test_async_extract_many_sync_and_async_inputs(fake: FakeServer) -> None:
    async def documents() -> AsyncIterator[dict[str, str]]:
        for i in range(3):
            yield {"text": ARTICLE if i != 1 else "", "id": str(i)}

    async def scenario() -> tuple[list[Extraction], list[Extraction]]:
        async with AsyncClient(fake.target) as c:
            from_async = [r async for r in c.extract_many(documents())]
            from_sync = [r async for r in c.extract_many([ARTICLE, "Nichts."])]
        return from_async, from_sync

    from_async, from_sync = asyncio.run(scenario())
    assert [(r.document_id, r.ok) for r in from_async] == [("0", True), ("1", False), ("2", True)]
    check_article(from_async[2])
    assert len(from_sync) == 2 and from_sync[1].quotes == ()


def test_async_errors_are_mapped() -> None:
    async def scenario() -> None:
        async with AsyncClient(unused_target(), timeout=5.0) as c:
            assert not await c.is_server_ready(timeout=1.0)
            with pytest.raises(Unavailable):
                await c.extract(ARTICLE)

    asyncio.run(scenario())
