"""Verb mood: the Konjunktiv forms that mark reported speech in German."""

from __future__ import annotations

#: Konjunktiv I finite forms frequent in news (3rd person singular and plural). Most verbs'
#: 3rd-person Konjunktiv I ends in -e; a pronoun subject before such a form is checked by
#: :func:`pronoun_konjunktiv` instead of listing every verb.
KONJUNKTIV_I: frozenset[str] = frozenset(
    """sei seien seiest habe werde könne müsse solle wolle dürfe möge gebe liege stehe gehe komme
    bleibe wisse brauche lasse sehe halte plane arbeite bestehe handle handele fehle mache trage
    führe spiele zeige gelte erwarte befinde entspreche behaupte berichte warte leite biete vertrete trete
    rate berate bitte richte achte fürchte leiste koste bereite verbiete betrachte""".split()
)
#: Konjunktiv II forms.
KONJUNKTIV_II: frozenset[str] = frozenset(
    """wäre wären hätte hätten würde würden könnte könnten müsste müssten sollte sollten wollten
    dürfte dürften möchte möchten gäbe""".split()
)
#: The Konjunktiv II forms that stand in for Konjunktiv I in reported speech: the plural
#: (where Konjunktiv I equals the indicative: "sie hätten", "sie könnten") and wäre, hätte,
#: würde. Singular modals (könnte, sollte, möchte) are left out: news uses them in the
#: reporter's own voice ("Das könnte teuer werden").
REPORTING_KONJUNKTIV_II: frozenset[str] = frozenset(
    "wäre wären hätte hätten würde würden könnten müssten sollten wollten dürften".split()
)
#: Subjects before which a finite verb in -e is Konjunktiv I ("er behaupte", "sie verfüge").
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"er", "sie", "es", "man"})


#: Words in -e that are no Konjunktiv I after a subject: articles and adverbs ("sie eine
#: Tasche", "er gerne") and the past of "werden".
NOT_KONJUNKTIV_IN_E: frozenset[str] = frozenset(
    """eine keine seine ihre meine deine unsere eure diese jene jede welche alle beide manche solche
    ohne gerne heute alleine lange wieder ebenfalls bitte wurde""".split()
)


def konjunktiv_in_e(word: str) -> bool:
    """A finite verb in -e that is Konjunktiv I ("behaupte", "stagniere"), not the weak past
    ("sagte", "musste": -te, unless listed, as "arbeite", "halte") nor an article ("eine")."""
    low = word.lower()
    if not (word.islower() and word.isalpha() and len(word) > 3 and low.endswith("e")):
        return False
    if low in KONJUNKTIV_I:
        return True
    return not low.endswith("te") and low not in NOT_KONJUNKTIV_IN_E


def pronoun_konjunktiv(previous: str, word: str) -> bool:
    """``word`` after ``previous`` reads as Konjunktiv I: "er behaupte" (indicative: behauptet).

    ``word`` as written: a capitalised word after a pronoun is a noun, not a verb.
    """
    return previous.lower() in SUBJECT_PRONOUNS and konjunktiv_in_e(word)


#: "sollen" in its hearsay sense ("Er soll bestochen worden sein": people say he was).
REPORTATIVE_MODALS: frozenset[str] = frozenset({"soll", "sollen"})
#: The auxiliaries that end a perfect infinitive: "… getötet worden sein", "… geplant haben".
PERFECT_AUXILIARIES: frozenset[str] = frozenset({"haben", "sein"})
#: The finite forms of "haben" that build the perfect of a main clause: "hat … gesagt", "Gestern
#: hatte X … gefordert".
FINITE_HAVE: frozenset[str] = frozenset({"hat", "hatte", "haben", "hatten"})
#: Finite modals and the future's "werden" before an infinitive cue: "Heute will Außenminister
#: Straw … bekannt geben, dass …", "Morgen wird die Ministerin erklären, …".
FINITE_MODALS: frozenset[str] = frozenset(
    "will wollen wollte wollten soll sollen sollte sollten kann können konnte konnten muss müssen musste"
    " mussten möchte möchten wird werden".split()
)
#: Finite auxiliaries and modals: after a verb form they make it an infinitive or participle, and
#: they are never adjectives ("wurde", "hatte" end like "große").
AUXILIARIES: frozenset[str] = frozenset(
    """kann könne könnte können könnten muss müsse müsste müssen müssten soll solle sollte sollen sollten
    will wolle wollte wollen wollten darf dürfe dürfte dürfen dürften wird werde würde werden würden hat habe
    hätte haben hätten ist sei wäre sind seien wären war waren hatte hatten wurde wurden""".split()
)
