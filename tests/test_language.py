"""The German language data: one home, and consistent with itself."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from zitat_server.document import Medium
from zitat_server.extraction import mentions
from zitat_server.extraction.tokenizer import tokenize
from zitat_server.language import cues, mood
from zitat_server.language.function_words import DETERMINERS, PRONOUNS
from zitat_server.language.marks import CLOSERS, QUOTE_CHARS, QUOTE_MARKS
from zitat_server.language.names import NAME_PARTICLES, NOT_NAMES, is_name_word
from zitat_server.language.roles import is_office, is_role

_VOWELS = re.compile(r"[aeiouäöüy]")


def _onset(word: str) -> str:
    """The letters before the first vowel: "schreiben" -> "schr", "betonen" -> "b"."""
    m = _VOWELS.search(word)
    return word[: m.start()] if m else word


def _entries() -> list[tuple[str, str]]:
    """(lemma, particle) of every verb entry of the lexicon's tables."""
    weak = [(stem + "en", "") for stem, _m, _ge in cues._WEAK]
    strong = [(lemma, "") for lemma, _m, _forms, _p in cues._STRONG]
    separable = [(lemma, particle) for lemma, _m, _forms, particle in cues._SEPARABLE]
    return weak + strong + separable


def test_no_verb_is_listed_twice():
    counts = Counter(_entries())
    assert [e for e, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(("lemma", "medium", "forms", "particle"), cues._SEPARABLE, ids=lambda x: str(x))
def test_separable_verbs_start_with_their_particle_and_their_forms_with_the_base(lemma, medium, forms, particle):
    assert lemma.startswith(particle), f"{lemma} does not start with its particle {particle}"
    base = lemma[len(particle) :]
    assert base.endswith("en") or base.endswith("ern") or base.endswith("eln"), base
    for form in forms:
        assert _onset(form) == _onset(base) or form[0] == base[0], f"{form} is no form of {base} ({lemma})"


@pytest.mark.parametrize(("lemma", "medium", "forms", "participle"), cues._STRONG, ids=lambda x: str(x))
def test_listed_forms_belong_to_their_lemma(lemma, medium, forms, participle):
    onset = _onset(lemma)
    for form in forms:
        assert form.startswith(onset), f"{form} is filed under {lemma}"
    if participle:
        stripped = participle[2:] if participle.startswith("ge") and not lemma.startswith("ge") else participle
        assert stripped.startswith(onset), f"participle {participle} is filed under {lemma}"


def test_the_lexicon_checks_catch_a_misfiled_verb():
    # The old lexicon filed "unterstreicht" under "betonen" and gave "vorhersagen" the particle "voraus".
    assert not "unterstreicht".startswith(_onset("betonen"))
    assert not "vorhersagen".startswith("voraus")


def test_lookup_finds_finite_forms_participles_and_separable_verbs():
    assert [e.lemma for e in cues.lookup("Sagte") if not e.particle] == ["sagen"]
    assert not cues.lookup("gesagt")[0].finite
    assert any(e.lemma == "mitteilen" and e.particle == "mit" for e in cues.lookup("teilte"))
    assert any(e.lemma == "mitteilen" and e.particle == "" for e in cues.lookup("mitteilte"))
    assert [e.lemma for e in cues.lookup("unterstrich")] == ["unterstreichen"]
    assert any(e.lemma == "voraussagen" and e.particle == "voraus" for e in cues.lookup("sagte"))
    assert cues.lookup("Haus") == []


def test_every_entry_has_a_medium():
    assert all(isinstance(e.medium, Medium) for entries in cues.VERBS.values() for e in entries)


def test_cue_words_cover_verbs_prepositions_and_report_nouns():
    words = cues.all_cue_words()
    assert {"sagte", "zufolge", "laut", "angaben"} <= words
    assert all(w == w.lower() for w in words)


def test_konjunktiv_lists_are_disjoint_and_the_reporting_forms_are_konjunktiv_ii():
    assert not mood.KONJUNKTIV_I & mood.KONJUNKTIV_II
    assert mood.REPORTING_KONJUNKTIV_II <= mood.KONJUNKTIV_II
    assert mood.pronoun_konjunktiv("er", "behaupte") and not mood.pronoun_konjunktiv("er", "behauptet")
    assert not mood.pronoun_konjunktiv("sie", "Ehe")


def test_quotation_marks_have_one_home():
    assert set(CLOSERS) <= QUOTE_CHARS and all(set(c) <= QUOTE_CHARS for c in CLOSERS.values())
    assert len(QUOTE_MARKS) == len(QUOTE_CHARS)


def test_names_roles_and_function_words():
    assert is_name_word("Umjerow") and is_name_word("al-Assad")
    assert not is_name_word("Verteidigungsminister") and not is_name_word("Vielleicht") and not is_name_word("Montag")
    assert is_role("Verteidigungsministerin") and is_role("Frau") and not is_role("Umjerow")
    assert is_office("verteidigungsminister") and not is_office("sprecher")
    assert "den" not in NAME_PARTICLES  # "sagte Müller den Reportern": "den" joins no name
    assert "Der" in NOT_NAMES and {"er", "ihm", "sie"} <= PRONOUNS and "der" in DETERMINERS


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("fordern", "fordern"),  # stems in -er take -n
        ("bezweifeln", "bezweifeln"),
        ("kritisieren", "kritisieren"),  # but -ieren keeps its -en
        ("entgegnete", "entgegnen"),  # -gn- takes the linking e
        ("begründete", "begründen"),
    ],
)
def test_weak_verbs_get_their_real_lemma_and_forms(form, lemma):
    assert lemma in {e.lemma for e in cues.lookup(form)}


@pytest.mark.parametrize(
    ("word", "report"),
    [
        ("Angaben", True),
        ("Polizeiangaben", True),
        ("Expertenmeinung", True),
        ("Zeitungsberichten", True),
        ("Spiel", False),
        ("Absturz", False),
        ("Veröffentlichung", False),
    ],
)
def test_report_nouns_after_nach(word, report):
    assert cues.is_report_noun(word) is report


def test_reported_object_verbs_are_cue_verbs():
    lemmas = {e.lemma for entries in cues.VERBS.values() for e in entries}
    assert set(cues.REPORTED_OBJECTS) <= lemmas
    assert lemmas >= cues.STATEMENT_VERBS


@pytest.mark.parametrize(
    ("previous", "word", "konjunktiv"),
    [
        ("er", "behaupte", True),
        ("sie", "verfüge", True),
        ("er", "arbeite", True),  # a listed -te Konjunktiv
        ("er", "sagte", False),  # the weak past
        ("sie", "wurde", False),
        ("sie", "eine", False),  # "stahlen sie eine Tasche"
        ("er", "Rede", False),  # a noun
        ("Müller", "behaupte", False),  # only after a subject pronoun
    ],
)
def test_pronoun_konjunktiv(previous, word, konjunktiv):
    assert mood.pronoun_konjunktiv(previous, word) is konjunktiv


def test_an_english_title_is_a_role_so_no_name_holds_it():
    # "Hongkongs Chief Executive C.Y. Leung": the registry named the record "Executive C.Y. Leung"
    assert is_role("Executive")
    mention = mentions.classify(tokenize("Hongkongs Chief Executive C.Y. Leung").tokens, 0, 5)
    assert mention is not None and mention.roles == ["Executive"] and "Executive" not in mention.name
