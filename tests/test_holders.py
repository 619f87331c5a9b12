"""Reading source mentions into holders: what the claim store keeps a record of, and under which name."""

from __future__ import annotations

import re

import pytest
from zitat_server.claims.holders import (
    ANONYMOUS,
    GROUP,
    NOT_A_HOLDER,
    PRONOUN,
    ROLE,
    Evidence,
    Holder,
    MentionReader,
    Reading,
    resolve_anaphors,
    resolve_class_nouns,
    resolve_documents,
    resolve_plural_pronouns,
    share_qualifiers,
    words_of,
)
from zitat_server.document import Doc, Entity, Form, Quote, Sentence, Span, SpeakerType

PERSON, ORG, MEDIA, GROUP_TYPE = SpeakerType.PERSON, SpeakerType.ORGANIZATION, SpeakerType.MEDIA, SpeakerType.GROUP


def read(mention: str, article: str = "") -> Reading:
    return MentionReader(Evidence(article)).read(mention)


def holder(mention: str, article: str = "") -> tuple[SpeakerType, str, str] | None:
    h = read(mention, article).holder
    return (h.type, h.name, h.qualifier) if h else None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # frames give way to their holder
        ("Angaben der Polizei", (ORG, "Polizei", "")),
        ("Polizeiangaben", (ORG, "Polizei", "")),
        ("Einer Meldung von Xinhua", (MEDIA, "Xinhua", "")),
        ("Informationen der Nachrichtenagentur Reuters", (MEDIA, "Reuters", "")),
        ("Zitat von Schröder", (PERSON, "Schröder", "")),
        ("Meinung von Mike Brown", (PERSON, "Mike Brown", "")),
        ("Der OSZE-Bericht", (ORG, "OSZE", "")),
        # organisations and media: canonical names in the nominative
        ("der chinesischen Presseagentur Xinhua", (MEDIA, "Xinhua", "")),
        ("Das Auswärtige Amt der Bundesrepublik Deutschland", (ORG, "Auswärtiges Amt", "")),
        ("des Auswärtigen Amtes", (ORG, "Auswärtiges Amt", "")),
        ("Der Deutsche Wetterdienst", (ORG, "Deutscher Wetterdienst", "")),
        ("Die Vereinten Nationen", (ORG, "Vereinte Nationen", "")),
        ("die FIFA", (ORG, "FIFA", "")),
        ("der Weltverband FIFA", (ORG, "FIFA", "")),
        ("Das Robert-Koch-Institut", (ORG, "Robert-Koch-Institut", "")),
        ("Die Organisation „Reporter ohne Grenzen“", (ORG, "Reporter ohne Grenzen", "")),
        ("Einer Presseerklärung des Verbandes Deutscher Realschullehrer (VDR)",
         (ORG, "Verband Deutscher Realschullehrer", "")),
        ("Ein Sprecher der Bundesagentur für Arbeit", (ORG, "Bundesagentur für Arbeit", "")),
        ("taz", (MEDIA, "taz", "")),
        ("Der Spiegel", (MEDIA, "Der Spiegel", "")),
        # a local institution keeps its place
        ("die Polizei in Kassel", (ORG, "Polizei", "Kassel")),
        ("Polizeidirektion Hannover", (ORG, "Polizeidirektion", "Hannover")),
        ("Die Regierung Guatemalas", (ORG, "Regierung", "Guatemala")),
        ("Berliner Polizei", (ORG, "Polizei", "Berlin")),
        ("Das russische Außenministerium", (ORG, "Außenministerium", "russisch")),
        # persons: what is not part of the name goes
        ("Von Obama", (PERSON, "Obama", "")),
        ("Verteidigungsminister Rustem Umjerow", (PERSON, "Rustem Umjerow", "")),
        ("Landes Niedersachsen Christian Wulff", (PERSON, "Christian Wulff", "")),
        ("Bundestagsrechtsausschusses Renate Künast", (PERSON, "Renate Künast", "")),
        ("Gerichtshofes Damazo Ruiz-Jarabo Colomer", (PERSON, "Damazo Ruiz-Jarabo Colomer", "")),
        ("Joe Stork von HRW", (PERSON, "Joe Stork", "")),
        ("Ursula von der Leyen", (PERSON, "Ursula von der Leyen", "")),
        ("Von der Leyen", (PERSON, "Von der Leyen", "")),
        ("Franz-Josef Jung", (PERSON, "Franz-Josef Jung", "")),
        ("der Vorsitzende des Linux-Verbandes, Elmar Gesse", (PERSON, "Elmar Gesse", "")),
        ("Bill Graham, Parteichef der Liberalen", (PERSON, "Bill Graham", "")),
        ("der ugandische Schriftsteller Musa", (PERSON, "Musa", "")),
        ("Oberst Franz Polzer", (PERSON, "Franz Polzer", "")),
        ("Dieter Graf", (PERSON, "Dieter Graf", "")),
    ],
)
def test_holders_of_mentions(mention, expected):
    assert holder(mention) == expected


@pytest.mark.parametrize(
    ("mention", "reason"),
    [
        ("Er", PRONOUN),
        ("Ihnen", PRONOUN),
        ("nach eigenen Angaben", PRONOUN),
        ("seiner Ansicht", PRONOUN),
        ("wir", GROUP),
        ("man", GROUP),
        ("Quellen", GROUP),  # anonymous sources: nobody named
        ("Andere Quellen", GROUP),
        ("näher genannten Quellen", GROUP),
        ("informierter Kreise", GROUP),
        ("Insider", GROUP),
        ("jegliche Koalition", GROUP),
        ("keine Experten", GROUP),
        ("Bundeskanzler", GROUP),  # one or many: no group record
        ("dem Zeugen", ROLE),  # one witness, not a group
        ("Der Vertreter der Arbeitgeber", ROLE),  # one man
        ("ein Augenzeuge", ANONYMOUS),
        ("ein Sprecher", ANONYMOUS),
        ("37 Prozent", ANONYMOUS),  # a share of people, no person "Prozent"
        ("25 Prozent der Befragten", ANONYMOUS),
        ("der Verteidigungsminister", ROLE),
        ("Demjanjuks Sohn", ROLE),  # somebody's relative, unnamed
        ("Die Hilfsorganisation", ROLE),
        ("das Ministerium", ROLE),
        ("Angaben", NOT_A_HOLDER),
        ("Papier", NOT_A_HOLDER),
        ("Wutrede", NOT_A_HOLDER),
        ("Insbesondere", NOT_A_HOLDER),
        ("Sinngemäß", NOT_A_HOLDER),
        ("Einer Pressemitteilung", NOT_A_HOLDER),  # a frame: whose, it does not say
        ("Pressemitteilung", NOT_A_HOLDER),
        ("Gegenüber NDR Info", NOT_A_HOLDER),  # an addressee
        ("Dortmund", NOT_A_HOLDER),
        ("die USA", NOT_A_HOLDER),
        ("Ein neuer Vorschlag", NOT_A_HOLDER),
        ("Der Prozess", NOT_A_HOLDER),
        ("über vermisste Mädchen", NOT_A_HOLDER),  # what is spoken about
    ],
)
def test_mentions_without_a_holder_say_why(mention, reason):
    reading = read(mention)
    assert reading.holder is None and reading.reason == reason


def test_anonymous_member_is_attributed_to_the_organisation_it_speaks_for():
    for mention, role, org in [
        ("ein Sprecher des Innenministeriums", "Sprecher", "Innenministerium"),
        ("einer Sprecherin der Staatsanwaltschaft", "Sprecherin", "Staatsanwaltschaft"),
        ("Ein Regierungssprecher", "Regierungssprecher", "Regierung"),
        ("Ein WWF-Sprecher", "WWF-Sprecher", "WWF"),
        ("der Sprecher des Ministeriums für Gesundheit", "Sprecher", "Ministerium für Gesundheit"),
    ]:
        reading = read(mention)
        assert reading.anonymous and reading.role == role and not reading.reason, mention
        assert (reading.holder.type, reading.holder.name) == (ORG, org)
    alone = read("ein Sprecher")
    assert alone.anonymous and alone.holder is None and alone.role == "Sprecher" and alone.reason == ANONYMOUS


def test_abbreviation_in_parentheses_is_an_alias():
    h = read("Die Weltgesundheitsorganisation (WHO)").holder
    assert (h.name, h.aliases) == ("Weltgesundheitsorganisation", ("WHO",))


def test_the_article_tells_common_nouns_places_and_genitives_from_names():
    article = (
        "Die Arbeit ist getan, sagte Lahm. Der Arbeit fehlt nichts. Lahms Team siegte in Dortmund. "
        "Westerwelle, der Gerhardt 2001 ablöste, lobte Gerhardt. Gerhardt sprach. Insbesondere insbesondere."
    )
    assert holder("Arbeit", article) is None  # after an article: a common noun
    assert holder("Lahms", article) == (PERSON, "Lahm", "")  # a genitive of a name the article uses
    assert holder("Gerhardt", article) == (PERSON, "Gerhardt", "")  # "der" once, as a relative pronoun
    assert holder("Dortmund", article) is None
    assert holder("Insbesondere", article) is None


def test_words_of_keep_quoted_names_commas_and_parentheses():
    assert words_of("Die Organisation „Reporter ohne Grenzen“, sagte") == (
        ["Die", "Organisation", "Reporter ohne Grenzen", ",", "sagte"], []
    )
    assert words_of("Welternährungsprogramm (WFP)") == (["Welternährungsprogramm"], ["WFP"])


def _doc(text: str, entities: list[Entity]) -> Doc:
    doc = Doc(text)
    doc.entities = {e.id: e for e in entities}
    return doc


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def test_typed_entities_from_coref_keep_their_type_and_qualifier():
    text = "Die Polizei teilte mit. Ein Sprecher des Innenministeriums sagte. Demonstranten riefen. Xinhua meldete."
    police = Entity("e1", "Polizei", mentions=[_span(text, "Die Polizei")], type=ORG, qualifier="Kassel")
    ministry = Entity("e2", "Innenministerium", mentions=[], type=ORG)
    member = Entity("e3", "", ["Sprecher"], [_span(text, "Ein Sprecher des Innenministeriums")], anonymous=True,
                    affiliation="e2")
    crowd = Entity("e4", "Demonstranten", mentions=[_span(text, "Demonstranten")], type=SpeakerType.GROUP)
    agency = Entity("e5", "Xinhua", mentions=[_span(text, "Xinhua")], type=ORG)
    doc = _doc(text, [police, ministry, member, crowd, agency])
    reader = MentionReader(Evidence(text))
    assert reader.read_entity(doc, police).holder == read("Polizei").holder.__class__(ORG, "Polizei", "Kassel")
    anonymous = reader.read_entity(doc, member)
    assert anonymous.anonymous and anonymous.role == "Sprecher" and anonymous.holder.name == "Innenministerium"
    group = reader.read_entity(doc, crowd).holder
    assert (group.type, group.name, group.qualifier) == (GROUP_TYPE, "Demonstranten", "")  # a group record
    assert reader.read_entity(doc, agency).holder.type is MEDIA  # a known agency stays a medium


def test_person_entities_are_read_from_their_mentions_not_coref_names():
    text = "Ein Sprecher der Bundesagentur für Arbeit sagte, es gehe voran."
    entity = Entity("e1", "Arbeit", ["Sprecher"], [_span(text, "Ein Sprecher der Bundesagentur für Arbeit")])
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [entity]), entity)
    assert reading.anonymous and reading.holder.name == "Bundesagentur für Arbeit"
    text = "Landes Niedersachsen Christian Wulff sagte. Dann betonte Wulff das."
    entity = Entity("e1", "Landes Niedersachsen Christian Wulff", [],
                    [_span(text, "Landes Niedersachsen Christian Wulff"), _span(text, "Wulff das")])
    entity.mentions[1] = Span(entity.mentions[1].start, entity.mentions[1].start + 5)
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [entity]), entity)
    assert reading.holder.name == "Christian Wulff"  # "Wulff" takes the first name the article gives


def test_place_after_the_mention_and_within_the_article():
    text = ("Nach Angaben der Polizei in Kassel brach das Feuer aus. Die Polizei ermittelt. Alle sind, sagte "
            "die Polizei in Sicherheit.")
    reader = MentionReader(Evidence(text))
    first = reader.read_span(Doc(text), _span(text, "Angaben der Polizei"))
    assert first.holder.qualifier == "Kassel"
    later = reader.read_span(Doc(text), _span(text, "Die Polizei"))
    assert later.holder.qualifier == ""
    assert [r.holder.qualifier for r in share_qualifiers([first, later])] == ["Kassel", "Kassel"]
    safe = text.rindex("die Polizei in Sicherheit")
    assert reader.read_span(Doc(text), Span(safe, safe + 11)).holder.qualifier == ""  # "in Sicherheit" is no place


def test_surname_takes_the_one_first_name_the_article_gives():
    article = "Ein Foul gegen Bastian Schweinsteiger. „Das gehört nicht auf den Platz“, sagte Schweinsteiger."
    assert holder("Schweinsteiger", article) == (PERSON, "Bastian Schweinsteiger", "")
    two = "Thomas Müller traf, Gerd Müller jubelte. Müller sagte nichts."
    assert holder("Müller", two) == (PERSON, "Müller", "")  # two first names: the surname stays alone


def test_a_bare_descriptor_refers_to_the_one_organisation_it_introduced():
    article = "Die Ratingagentur Moody's stufte Slowenien hoch. Die Ratingagentur begründet das mit Reformen."
    assert holder("Die Ratingagentur", article) == (ORG, "Moody's", "")
    assert read("Die Ratingagentur").reason == ROLE  # an article that introduced none
    article = "Das berichtet die Süddeutsche Zeitung. Laut der Zeitung war es Absicht."
    assert holder("der Zeitung", article) == (MEDIA, "Süddeutsche Zeitung", "")


def test_organisation_behind_a_member_compound_is_an_organisation():
    article = "Greenpeace-Experte Christoph Then warnte. Greenpeace fordert Haftung."
    assert holder("Greenpeace", article) == (ORG, "Greenpeace", "")


def test_entity_name_serves_when_the_mentions_are_pronouns_only():
    text = "UN-Generalsekretär Ban Ki-moon erhielt den Bericht. Er sagte: „Die Nachricht ist einfach.“"
    resolved = Entity("e1", "Ban Ki-moon", mentions=[_span(text, "Er sagte")])
    resolved.mentions[0] = Span(resolved.mentions[0].start, resolved.mentions[0].start + 2)
    reader = MentionReader(Evidence(text))
    assert reader.read_entity(_doc(text, [resolved]), resolved).holder.name == "Ban Ki-moon"
    text = "Nach Angaben der Oschersleber Volksbote brannte es."
    junk = Entity("e1", "Oschersleber Volksbote", mentions=[_span(text, "Angaben der Oschersleber Volksbote")])
    assert MentionReader(Evidence(text)).read_entity(_doc(text, [junk]), junk).holder is None
    text = "Nach Angaben der Magdeburger Volksstimme brannte es."  # a known outlet
    known = Entity("e1", "Magdeburger Volksstimme", mentions=[_span(text, "Angaben der Magdeburger Volksstimme")])
    assert MentionReader(Evidence(text)).read_entity(_doc(text, [known]), known).holder.type is MEDIA


def test_an_organisation_typed_by_coref_is_checked_against_its_mentions():
    text = "Die Organisation teilte mit. C.Y. Leung sagte. Der Deutsche Wetterdienst warnte."
    generic = Entity("e1", "Organisation", mentions=[_span(text, "Die Organisation")], type=ORG)
    person = Entity("e2", "C.Y.", mentions=[_span(text, "C.Y. Leung")], type=ORG)
    flagged = Entity("e3", "", mentions=[_span(text, "Der Deutsche Wetterdienst")], anonymous=True)
    doc = _doc(text, [generic, person, flagged])
    reader = MentionReader(Evidence(text))
    assert reader.read_entity(doc, generic).holder is None  # a class noun that refers back
    assert (reader.read_entity(doc, person).holder.type, reader.read_entity(doc, person).holder.name) == (
        PERSON, "C.Y. Leung")
    weather = reader.read_entity(doc, flagged)
    assert not weather.anonymous and weather.holder.name == "Deutscher Wetterdienst"


def test_a_full_name_coref_found_inside_a_refused_mention_is_the_holder():
    text = "Nach Angaben der Oberstaatsanwältin Antje Gabriels-Gorsolke sei der Täter geflohen."
    mention = _span(text, "Angaben der Oberstaatsanwältin Antje Gabriels-Gorsolke")
    entity = Entity("e1", "Antje Gabriels-Gorsolke", ["Oberstaatsanwältin"], [mention])
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [entity]), entity)
    assert (reading.holder.type, reading.holder.name) == (SpeakerType.PERSON, "Antje Gabriels-Gorsolke")
    # the mention names her itself (a noun, then a full name): coref's name and roles do not matter
    for name, roles in (("Ziel", ["Oberstaatsanwältin"]), ("Anna Muster", ["Oberstaatsanwältin"]),
                        ("Antje Gabriels-Gorsolke", [])):
        other = Entity("e1", name, roles, [mention])
        found = MentionReader(Evidence(text)).read_entity(_doc(text, [other]), other).holder
        assert found.name == "Antje Gabriels-Gorsolke", name


# --- the mention is the witness, coref's name and type the fallback ------------------------------


def test_a_typed_entity_is_named_by_its_mentions_before_corefs_name():
    text = ("Das berichtet die Financial Times Deutschland. Das bestätigte die Befunde des Staatlichen "
            "Tierärztlichen Untersuchungsamts Aulendorf. Das meint Günter Metzges vom Online-Netzwerk Campact.")
    times = Entity("e1", "Times", mentions=[_span(text, "die Financial Times Deutschland")], type=MEDIA)
    office = Entity("e2", "Untersuchungsamts Aulendorf", type=ORG, mentions=[
        _span(text, "die Befunde des Staatlichen Tierärztlichen Untersuchungsamts Aulendorf")])
    member = Entity("e3", "Online-Netzwerk Campact", type=ORG,
                    mentions=[_span(text, "Günter Metzges vom Online-Netzwerk Campact")])
    doc = _doc(text, [times, office, member])
    reader = MentionReader(Evidence(text))
    assert _typed(reader, doc, times) == (MEDIA, "Financial Times Deutschland", "")
    assert _typed(reader, doc, office) == (ORG, "Staatliches Tierärztliches Untersuchungsamt Aulendorf", "")
    assert _typed(reader, doc, member) == (PERSON, "Günter Metzges", "")


def _typed(reader: MentionReader, doc: Doc, entity: Entity) -> tuple[SpeakerType, str, str] | None:
    h = reader.read_entity(doc, entity).holder
    return (h.type, h.name, h.qualifier) if h else None


def test_a_compound_name_from_coref_is_more_specific_than_a_class_noun():
    text = "Das Gericht wies die Klage ab."
    court = Entity("e1", "Oberlandesgericht", mentions=[_span(text, "Das Gericht")], type=ORG)
    assert _typed(MentionReader(Evidence(text)), _doc(text, [court]), court) == (ORG, "Oberlandesgericht", "")


def test_corefs_name_is_not_trusted_inside_a_mention_the_reader_refused():
    text = ("Der Pilot der deutschen Fluggesellschaft LTU musste landen. Einen „Plan B“ gebe es nicht. "
            "Gegenüber NDR Info sagte er das. Die Linkspartei schloss jegliche Koalition aus.")
    cases = [("Fluggesellschaft LTU", ORG, "Der Pilot der deutschen Fluggesellschaft LTU", NOT_A_HOLDER),
             ("Plan B", MEDIA, "Einen „Plan B“", NOT_A_HOLDER),
             ("NDR", ORG, "Gegenüber NDR Info", NOT_A_HOLDER),
             ("jegliche Koalition", ORG, "jegliche Koalition", GROUP)]
    for name, kind, mention, reason in cases:
        entity = Entity("e1", name, mentions=[_span(text, mention)], type=kind)
        reading = MentionReader(Evidence(text)).read_entity(_doc(text, [entity]), entity)
        assert reading.holder is None and reading.reason == reason, name


def test_corefs_media_type_does_not_override_an_organisation_the_mention_names():
    text = "Die „Kampagne für ein Freies Tibet“ protestierte. Die Zeitung „Bild“ schrieb."
    campaign = Entity("e1", "Kampagne für ein Freies Tibet", type=MEDIA,
                      mentions=[_span(text, "Die „Kampagne für ein Freies Tibet“")])
    assert _typed(MentionReader(Evidence(text)), _doc(text, [campaign]), campaign) == (
        ORG, "Kampagne für ein Freies Tibet", "")


def test_an_anonymous_entity_whose_mention_names_a_person_is_that_person():
    text = "Der Vorsitzende des Haushaltsausschusses des Parlaments Alain Lamassoure sagte das."
    committee = Entity("e2", "Haushaltsausschusse", type=ORG)
    chair = Entity("e1", "", ["Vorsitzende"], anonymous=True, affiliation="e2", mentions=[
        _span(text, "Der Vorsitzende des Haushaltsausschusses des Parlaments Alain Lamassoure")])
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [chair, committee]), chair)
    assert not reading.anonymous and (reading.holder.type, reading.holder.name) == (PERSON, "Alain Lamassoure")


def test_an_anonymous_members_organisation_is_read_from_the_mention_first():
    text = "Das bestätigte ein Sprecher des Auswärtigen Amtes."
    office = Entity("e2", "Auswärtige Amte", type=ORG)
    member = Entity("e1", "", ["Sprecher"], [_span(text, "ein Sprecher des Auswärtigen Amtes")], anonymous=True,
                    affiliation="e2")
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [member, office]), member)
    assert reading.anonymous and reading.holder.name == "Auswärtiges Amt"


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Klaus Wowereit (SPD)", (PERSON, "Klaus Wowereit", "")),  # a party tag, no organisation
        ("Aussagen von Klaus Wowereit (SPD)", (PERSON, "Klaus Wowereit", "")),
        ("ndr.de", (MEDIA, "ndr.de", "")),
        ("Laut faz.net", (MEDIA, "faz.net", "")),
        ("den Stuttgarter Nachrichten", (MEDIA, "Stuttgarter Nachrichten", "")),
        ("der englische Independent", (MEDIA, "The Independent", "")),
        ("die US-amerikanische Musikzeitschrift „Billboard“", (MEDIA, "Billboard", "")),
        ("Das staatliche sudanesische Fernsehen", (MEDIA, "Fernsehen", "sudanesisch")),
        ("die Befunde des Staatlichen Tierärztlichen Untersuchungsamts Aulendorf",
         (ORG, "Staatliches Tierärztliches Untersuchungsamt Aulendorf", "")),
    ],
)
def test_more_holders_of_mentions(mention, expected):
    assert holder(mention) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # a group of people named by a plural noun: the noun in the nominative plural
        ("Augenzeugen", (GROUP_TYPE, "Augenzeugen", "")),
        ("Demonstranten", (GROUP_TYPE, "Demonstranten", "")),
        ("Experten", (GROUP_TYPE, "Experten", "")),
        ("Analysten", (GROUP_TYPE, "Analysten", "")),
        ("Beobachter", (GROUP_TYPE, "Beobachter", "")),
        ("Ärzte", (GROUP_TYPE, "Ärzte", "")),
        ("die Forscher", (GROUP_TYPE, "Forscher", "")),
        ("Die Kritiker", (GROUP_TYPE, "Kritiker", "")),
        ("Die Veranstalter der Demonstration", (GROUP_TYPE, "Veranstalter", "")),
        ("Ohrenzeugen", (GROUP_TYPE, "Ohrenzeugen", "")),
        ("Datenschützer", (GROUP_TYPE, "Datenschützer", "")),
        ("Die Passagiere", (GROUP_TYPE, "Passagiere", "")),
        ("Medienvertreter", (GROUP_TYPE, "Medienvertreter", "")),
        ("Internationale Wahlbeobachter", (GROUP_TYPE, "Wahlbeobachter", "")),  # adjectives drop
        ("von Bewohnern", (GROUP_TYPE, "Bewohner", "")),  # the dative plural
        ("den Teilnehmern", (GROUP_TYPE, "Teilnehmer", "")),
        ("die Jugendlichen", (GROUP_TYPE, "Jugendliche", "")),
        ("Alle US-Beamten", (GROUP_TYPE, "US-Beamte", "")),
        ("Weitere Twitter-Benutzer", (GROUP_TYPE, "Twitter-Benutzer", "")),
        ("Einige der einflussreichsten britischen Moslems", (GROUP_TYPE, "Moslems", "britisch")),
        ("vieler Experten und Fans", (GROUP_TYPE, "Experten", "")),
        ("chinesische Experten", (GROUP_TYPE, "Experten", "chinesisch")),
        ("Experten in Kassel", (GROUP_TYPE, "Experten", "Kassel")),
        ("Angaben der politischen Opposition", (GROUP_TYPE, "Opposition", "")),  # "politisch" is no place
        # frames give way to the group that holds them
        ("Zeugenaussagen", (GROUP_TYPE, "Zeugen", "")),
        ("Augenzeugenberichten", (GROUP_TYPE, "Augenzeugen", "")),
        ("nach Angaben von Augenzeugen", (GROUP_TYPE, "Augenzeugen", "")),
        ("Medienberichten", (GROUP_TYPE, "Medien", "")),
        # groups of institutions; a nationality or place is the qualifier, as for an organisation
        ("die Behörden", (GROUP_TYPE, "Behörden", "")),
        ("die afghanischen Behörden", (GROUP_TYPE, "Behörden", "afghanisch")),
        ("Afghanischen Behörden", (GROUP_TYPE, "Behörden", "afghanisch")),
        ("die Behörden in Kassel", (GROUP_TYPE, "Behörden", "Kassel")),
        ("Sicherheitsbehörden", (GROUP_TYPE, "Sicherheitsbehörden", "")),
        ("der Sicherheitsbehörden", (GROUP_TYPE, "Sicherheitsbehörden", "")),
        ("Flugsicherheitsbehörden", (GROUP_TYPE, "Flugsicherheitsbehörden", "")),
        ("US-Medien", (GROUP_TYPE, "US-Medien", "")),
        ("verschiedener US-Medien", (GROUP_TYPE, "US-Medien", "")),
        ("Verschiedene Länderparlamente", (GROUP_TYPE, "Länderparlamente", "")),
        ("die Gewerkschaften", (GROUP_TYPE, "Gewerkschaften", "")),
        ("Angaben der Forscher", (GROUP_TYPE, "Forscher", "")),  # a genitive "der": plural
        ("der Presseagenturen", (GROUP_TYPE, "Presseagenturen", "")),
        ("die Organisationen Bürger", (GROUP_TYPE, "Organisationen", "")),  # "… fordern Bürger auf"
        # a name, not a group of doctors
        ("Ärzte ohne Grenzen", (ORG, "Ärzte ohne Grenzen", "")),
    ],
)
def test_groups_of_people_or_institutions_are_group_holders(mention, expected):
    assert holder(mention) == expected


def test_a_group_takes_its_place_from_the_words_after_the_mention():
    text = "Nach Angaben der Gesundheitsbehörden in Gaza stieg die Zahl. Augenzeugen in der Stadt sahen es."
    reader = MentionReader(Evidence(text))
    doc = _doc(text, [])
    assert reader.read_span(doc, _span(text, "der Gesundheitsbehörden")).holder.qualifier == "Gaza"
    assert reader.read_span(doc, _span(text, "Augenzeugen")).holder.qualifier == ""  # "in der Stadt": no place


@pytest.mark.parametrize(
    ("mention", "reason"),
    [
        ("Letzte Woche", NOT_A_HOLDER),
        ("Indem", NOT_A_HOLDER),
    ],
)
def test_more_mentions_without_a_holder(mention, reason):
    reading = read(mention)
    assert reading.holder is None and reading.reason == reason


def test_a_name_with_von_and_a_medium_is_the_person_alone():
    article = "Der Schiedsrichter Robert Hoyzer sprach. Das sagte Hoyzer von Spiegel-Online."
    assert holder("Hoyzer von Spiegel-Online", article) == (PERSON, "Robert Hoyzer", "")


def test_a_bare_head_refers_to_the_organisation_named_with_it_or_a_compound_of_it():
    article = "Die Universität Bayreuth hatte den Titel aberkannt. Die Universität erklärte das."
    assert holder("Die Universität", article) == (ORG, "Universität Bayreuth", "")
    article = "Der Softwarehersteller Microsoft stellte Windows vor. Der Hersteller gab die Preise bekannt."
    assert holder("Der Hersteller", article) == (ORG, "Microsoft", "")
    # the first word of a quoted name of several is not introduced
    article = "der brasilianische Fußballverband „Confederação Brasileira de Futebol“ plant. Der Verband sagte."
    assert holder("Der Verband", article) is None


def test_a_local_institution_in_the_genitive_keeps_its_place():
    article = "Der Flughafen Bremen wächst. Das ergab eine Umfrage des Flughafens Bremen."
    assert holder("einer Umfrage des Flughafens Bremen", article) == (ORG, "Flughafen", "Bremen")


def _quotes(text: str, *sources: str) -> Doc:
    doc = Doc(text)
    for source in sources:
        doc.quotes.append(Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=_span(text, source)))
    return doc


def test_a_document_mention_takes_the_holder_the_article_gives_that_document():
    text = ("Der DPA liegt eine Studie des Bundesbildungsministeriums vor. Laut dieser Studie schrecken "
            "Gebühren ab. Der Verfassungsschutzbericht 2005 liegt vor. Der Bericht nennt Zahlen.")
    doc = _quotes(text, "dieser Studie", "Der Bericht")
    reader = MentionReader(Evidence(text))
    readings = resolve_documents(doc, [Reading(reason="document"), Reading(reason="document")], reader)
    assert [(r.holder.type, r.holder.name) for r in readings] == [
        (ORG, "Bundesbildungsministerium"), (ORG, "Verfassungsschutz")]


def test_a_document_mention_is_the_last_one_named_before_it():
    text = ("Das Urteil des Truppendienstgerichts wurde aufgehoben. Nach dem Urteil des Bundesverwaltungsgerichts "
            "in Leipzig liegt die Begründung vor. Zum Urteil heißt es. Ein Bericht des UNHCHR erschien. In einem "
            "gestern veröffentlichten Bericht steht mehr. Der Bericht sagt. Einer norwegischen Studie zufolge. "
            "Der Abschlussbericht liegt vor. Laut dem Abschlussbericht stimmt das.")
    doc = _quotes(text, "Zum Urteil", "Der Bericht sagt", "Einer norwegischen Studie", "Laut dem Abschlussbericht")
    doc.quotes[1].source = Span(doc.quotes[1].source.start, doc.quotes[1].source.end - len(" sagt"))
    reader = MentionReader(Evidence(text))
    readings = resolve_documents(doc, [Reading(reason="document")] * 4, reader)
    # the federal court, no place; a new report without a holder since the UNHCHR's; a new study;
    # "Abschluss" is nobody
    assert (readings[0].holder.name, readings[0].holder.qualifier) == ("Bundesverwaltungsgericht", "")
    assert [r.holder for r in readings[1:]] == [None, None, None]


def test_a_reflexive_frame_is_the_subject_of_its_clause_when_that_names_a_holder():
    text = ("Die Halle stürzte ein. Die Feuerwehr hat nach eigenen Angaben die Hälfte abgesucht. Helfer konnten "
            "nach eigenen Angaben 600 Menschen retten. Nach eigenen Angaben wurde sie 2009 gegründet.")
    doc = _quotes(text, "eigenen Angaben die", "eigenen Angaben 600", "eigenen Angaben wurde")
    doc.quotes = [Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(q.source.start, q.source.start + 15))
                  for q in doc.quotes]
    doc.sentences = [Sentence(m.start(), m.end(), 0, 0) for m in re.finditer(r"[^.]+\.", text)]
    readings = resolve_anaphors(doc, [Reading(reason=PRONOUN)] * 3, MentionReader(Evidence(text)))
    assert (readings[0].holder.type, readings[0].holder.name) == (ORG, "Feuerwehr")
    assert (readings[1].holder.type, readings[1].holder.name) == (GROUP_TYPE, "Helfer")  # a group
    assert readings[2].holder is None  # a pronoun


def test_a_possessive_frame_is_the_holder_of_the_quote_just_before_it():
    text = ("Das sei schwarz, sagte Premierminister John Key. Seiner Ansicht nach sei es schlimm. Das ist neu. "
            "Das ist alt. Seiner Meinung nach ist es gut.")
    doc = _quotes(text, "Premierminister John Key", "Seiner Ansicht", "Seiner Meinung")
    doc.sentences = [Sentence(m.start(), m.end(), 0, 0) for m in re.finditer(r"[^.]+\.", text)]
    key = Reading(holder=read("Premierminister John Key").holder)
    readings = resolve_anaphors(doc, [key, Reading(reason=NOT_A_HOLDER), Reading(reason=NOT_A_HOLDER)],
                                MentionReader(Evidence(text)))
    assert readings[1].holder.name == "John Key"
    assert readings[2].holder is None  # the quote before it is two sentences back



def _possessive_readings(text: str, *sources: str) -> list[Reading]:
    doc = _quotes(text, *sources)
    doc.sentences = [Sentence(m.start(), m.end(), 0, 0) for m in re.finditer(r"[^.]+\.", text)]
    return resolve_anaphors(doc, [Reading(reason=NOT_A_HOLDER)] * len(sources), MentionReader(Evidence(text)))


def test_a_possessive_frame_without_a_quote_before_it_is_the_person_named_just_before():
    text = ("Air-France-Chef Jean-Cyril Spinetta weist die Vorwürfe zurück. Seiner Meinung nach war es falsch. "
            "Joe Stork von HRW fordert von der Regierung eine Untersuchung des Vorfalls, bei dem es sich "
            "seiner Ansicht nach um Mord handelt.")
    readings = _possessive_readings(text, "Seiner Meinung", "seiner Ansicht")
    assert [r.holder.name for r in readings] == ["Jean-Cyril Spinetta", "Joe Stork"]


def test_a_possessive_frame_after_an_unnamed_person_or_of_the_wrong_gender_names_nobody():
    text = ("Peter Müller leitet das Amt. Im Bericht wird ein Augenzeuge zitiert. Seiner Darstellung zufolge "
            "fielen Bomben. Peter Müller sprach. Nach ihrer Auffassung ist das falsch. Das ist klar. "
            "Wikinews fragt Peter Müller, ob Ihrer Meinung nach das gut sei.")
    readings = _possessive_readings(text, "Seiner Darstellung", "ihrer Auffassung", "Ihrer Meinung")
    # an eyewitness; "ihrer" is no man; the polite "Ihrer" is the one addressed, not the man named
    assert [r.holder for r in readings] == [None, None, None]


def test_a_definite_article_before_a_surname_the_article_gives_in_full_is_that_person():
    article = "Oberbürgermeister Ingolf Roßberg sprach. Die Alternative, die Roßberg nannte, ist teuer."
    assert holder("die Roßberg", article) == (PERSON, "Ingolf Roßberg", "")
    assert holder("die Roßberg", "Die Roßberg ist ein Berg. Die Roßberg liegt hoch.") is None
    assert holder("Die Alternative", article) is None

@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Angaben des Priesters Samaan Ibrahim", (PERSON, "Samaan Ibrahim", "")),  # a noun, then a full name
        ("der Friedensnobelpreisträger Adolfo Pérez Esquivel", (PERSON, "Adolfo Pérez Esquivel", "")),
        ("Angaben des Berliner Verfassungsschutzes", (ORG, "Berliner Verfassungsschutz", "")),
        ("der neue „Oberste Rat zur Wiederherstellung der Demokratie“",
         (ORG, "Oberster Rat zur Wiederherstellung der Demokratie", "")),
        ("Die „Kampagne für ein Freies Tibet“", (ORG, "Kampagne für ein Freies Tibet", "")),
    ],
)
def test_names_after_a_noun_and_quoted_names_in_the_nominative(mention, expected):
    assert holder(mention) == expected


def test_a_university_keeps_its_von_and_a_part_of_a_country_is_a_place():
    reading = read("Ein Wissenschaftler der Technischen Universität von Nanyang")
    assert reading.anonymous and reading.holder.name == "Technische Universität von Nanyang"
    article = "Es regnete in Teilen Norddeutschlands. Norddeutschlands Bauern klagen."
    assert holder("Norddeutschlands", article) is None
    assert read("Erste Tests").holder is None


def test_corefs_compound_of_a_non_referring_mention_is_no_holder():
    text = "Die Linkspartei schloss jegliche Koalition aus."
    entity = Entity("e1", "Ampelkoalition", mentions=[_span(text, "jegliche Koalition")], type=ORG)
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [entity]), entity)
    assert reading.holder is None and reading.reason == GROUP


def test_members_that_coref_typed_as_a_medium_or_group_speak_for_their_organisation():
    text = "Ein Journalist der Deutschen Presse Agentur (dpa) sah das. Laut Polizeisprecher war der Koffer leer."
    journalist = Entity("e1", "Presse", type=MEDIA,
                        mentions=[_span(text, "Ein Journalist der Deutschen Presse Agentur (dpa)")])
    spokesman = Entity("e2", "Polizeisprecher", type=SpeakerType.GROUP, mentions=[_span(text, "Polizeisprecher")])
    doc = _doc(text, [journalist, spokesman])
    reader = MentionReader(Evidence(text))
    for entity, name in ((journalist, "dpa"), (spokesman, "Polizei")):
        reading = reader.read_entity(doc, entity)
        assert reading.anonymous and reading.holder.name == name
    assert holder("Die Mitarbeiter") == (GROUP_TYPE, "Mitarbeiter", "")  # with an article, a plural


def test_both_parts_of_a_message_with_a_possessive_source_take_its_holder():
    text = "Das sei schwarz, sagte Premierminister John Key. Seiner Ansicht nach sei es schlimm, ja sehr."
    doc = _quotes(text, "Premierminister John Key", "Seiner Ansicht")
    doc.quotes.append(Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=doc.quotes[1].source))
    doc.sentences = [Sentence(m.start(), m.end(), 0, 0) for m in re.finditer(r"[^.]+\.", text)]
    key = Reading(holder=read("Premierminister John Key").holder)
    readings = resolve_anaphors(doc, [key, Reading(reason=NOT_A_HOLDER), Reading(reason=NOT_A_HOLDER)],
                                MentionReader(Evidence(text)))
    assert [r.holder.name for r in readings] == ["John Key"] * 3


def test_a_place_adjective_before_an_acronym_qualifies_it_and_new_organisation_heads():
    article = "In Berlin tagte der Senat. Die Berliner SPD lehnt das ab."
    assert holder("Die Berliner SPD", article) == (ORG, "SPD", "Berlin")
    assert holder("das UN-Kinderhilfswerk UNICEF") == (ORG, "UNICEF", "")
    assert holder("die Deutsche Bischofskonferenz") == (ORG, "Deutsche Bischofskonferenz", "")


def test_members_of_a_named_organisation_stay_its_anonymous_members_in_a_group_entity():
    text = "Die Richter des Bundesverwaltungsgerichtes urteilten. Die Richter sagten, es sei rechtens."
    later = text.index("Die Richter sagten")
    judges = Entity("e1", "Richter", type=SpeakerType.GROUP,
                    mentions=[_span(text, "Die Richter des Bundesverwaltungsgerichtes"), Span(later, later + 11)])
    reading = MentionReader(Evidence(text)).read_entity(_doc(text, [judges]), judges)
    assert reading.anonymous and reading.holder.name == "Bundesverwaltungsgericht"


def test_a_group_entity_that_coref_took_for_one_organisation_is_a_group():
    text = "Verschiedene Länderparlamente fordern nun Konsequenzen."
    parliaments = Entity("e1", "Länderparlamente", type=ORG, mentions=[_span(text, "Verschiedene Länderparlamente")])
    assert _typed(MentionReader(Evidence(text)), _doc(text, [parliaments]), parliaments) == (
        GROUP_TYPE, "Länderparlamente", "")


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("EBay-Deutschland", (SpeakerType.ORGANIZATION, "EBay-Deutschland", "")),
        ("Russland Aktuell", (SpeakerType.MEDIA, "Russland Aktuell", "")),
    ],
)
def test_a_national_branch_is_a_company_and_known_outlets_are_media(mention, expected):
    assert holder(mention) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # a plural noun of people after "die" (or a dative "den") is a group: person nouns by
        # their singular, agent nouns by their ending
        ("Die Kanadier", (GROUP_TYPE, "Kanadier", "")),
        ("Die Männer", (GROUP_TYPE, "Männer", "")),
        ("die Frauen", (GROUP_TYPE, "Frauen", "")),
        ("die Deutschen", (GROUP_TYPE, "Deutsche", "")),
        ("die Hacker", (GROUP_TYPE, "Hacker", "")),
        ("Die deutschen Brauer", (GROUP_TYPE, "Brauer", "deutsch")),
        ("den Brauern", (GROUP_TYPE, "Brauer", "")),
        ("Die Initiatoren der Aktionswoche", (GROUP_TYPE, "Initiatoren", "")),
        ("Oppositionspolitikern", (GROUP_TYPE, "Oppositionspolitiker", "")),
        # …but not a singular, a thing, or a quoted name
        ("die Kanadierin", None),
        ("den Kanadier", None),
        ("die Deutsche", None),
        ("die Mutter", None),
        ("die Mauer", None),
        ("Die Faktoren", None),
        ("die „Poe Toaster“", (ORG, "Poe Toaster", "")),
        # an opinion compound gives way to its first part
        ("Expertenmeinung", (GROUP_TYPE, "Experten", "")),
        # "deutsch" is an adjective of origin like "afghanisch"
        ("die deutschen Behörden", (GROUP_TYPE, "Behörden", "deutsch")),
    ],
)
def test_groups_of_people_named_by_a_plural_noun(mention, expected):
    assert holder(mention) == expected


def test_a_surname_after_an_age_adjective_is_the_person_the_article_names():
    article = "Für den Theologen Hans Küng sei der Rücktritt verständlich. Joseph Ratzinger und Georg Ratzinger."
    assert holder("Der 84-jährige Küng", article) == (PERSON, "Hans Küng", "")
    # a first name after the adjective: the full name, not the surname alone
    assert holder("Der 85-jährige Joseph Ratzinger", article) == (PERSON, "Joseph Ratzinger", "")


def test_a_genitive_is_read_with_the_frame_noun_just_before_the_mention():
    text = "In Hamburg demonstrierten nach Angaben der Veranstalter rund 7.000 Menschen."
    reader = MentionReader(Evidence(text))
    assert reader.read_span(Doc(text), _span(text, "der Veranstalter")).holder == Holder(
        GROUP_TYPE, "Veranstalter")
    text = "Er ging. Der Veranstalter sagte, es regne."
    reader = MentionReader(Evidence(text))
    assert reader.read_span(Doc(text), _span(text, "Der Veranstalter")).holder is None  # one organiser


def _sentences(text: str) -> list[Sentence]:
    """Sentences without the white space between them (as the pipeline gives them)."""
    return [Sentence(m.start(), m.end(), 0, 0) for m in re.finditer(r"[^.\s][^.]*\.", text)]


def test_a_class_noun_of_organisations_is_the_organisation_named_just_before_it():
    text = ("Giovanni Trapattoni wird Trainer beim VfB Stuttgart. Dies gab die Vereinsführung bekannt. "
            "Die Bestände gehören der Firma Euryza. Die Firma empfindet die Kritik als ungerecht. "
            "Wie die FIFA beschloss, gibt es eine Rotation. Das Ende kam, wie der Verband bekannt gab. "
            "Der Umsatz des Logistikzentrums sank. Das Unternehmen teilte es mit. "
            "Hans Meier verurteilte den Einsatz. Die Organisation verlangte eine Untersuchung. "
            "Das sagte Peter Müller. Es regnete. Die Partei droht damit.")
    sources = ("die Vereinsführung", "Die Firma", "der Verband", "Das Unternehmen", "Die Organisation", "Die Partei")
    doc = _quotes(text, *sources)
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=ANONYMOUS)] * len(sources), MentionReader(Evidence(text)))
    names = [r.holder.name if r.holder else None for r in readings]
    # a name the reader takes for a person is passed over; another head is no such class; the
    # name must stand in the same or one of the two sentences before
    assert names == ["VfB Stuttgart", "Euryza", "FIFA", None, None, None]
    text = ("Das Ergebnis der Beate Uhse AG wird bei 16 Millionen Euro liegen. Das Gewinnziel musste wegen eines "
            "Logistikzentrums korrigiert werden. Der Umsatz wird 278 Millionen Euro betragen, teilte das Unternehmen "
            "mit. Das sagte die Firma Euryza. Es regnete. Der Himmel war grau. Die Firma droht damit. "
            "Das sagte die Organisation Lensing. Es regnete. Der Himmel war grau. Die Organisation droht damit. "
            "Das sagte die Organisation Attac. Es regnete. Der Himmel war grau. Es schneite. Die Organisation droht.")
    doc = _quotes(text, "das Unternehmen", "Die Firma")
    for at in (m.start() for m in re.finditer("Die Organisation", text)):
        doc.quotes.append(Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(at, at + 16)))
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=ANONYMOUS)] * 4, MentionReader(Evidence(text)))
    # "die Organisation", which any organisation is, three sentences back, not four; others two
    assert [r.holder.name if r.holder else None for r in readings] == ["Beate Uhse AG", None, "Lensing", None]


def test_a_class_noun_takes_up_a_one_word_name_the_article_writes_after_an_article():
    text = ("Die Hamas übernahm die Verantwortung für die Angriffe auf Beerscheba. Die Organisation erklärte es. "
            "Ein Mitarbeiter der Deutschen Welthungerhilfe wurde entführt, sagte ein Sprecher der Welthungerhilfe. "
            "Er war im Norden unterwegs. "
            "Es regnete. Das bestätigte die Organisation in Bonn. "
            "Hans Meier verurteilte den Einsatz. Die Organisation verlangte eine Untersuchung.")
    doc = _quotes(text, "Die Organisation erklärte", "die Organisation in Bonn", "Die Organisation verlangte")
    for q in doc.quotes:
        q.source = Span(q.source.start, q.source.start + len("Die Organisation"))
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=ANONYMOUS)] * 3, MentionReader(Evidence(text)))
    # a surname without an article stays a person, whom a class noun of organisations never means
    assert [r.holder.name if r.holder else None for r in readings] == ["Hamas", "Welthungerhilfe", None]
    assert readings[0].holder.type is ORG and readings[1].holder.type is ORG


def test_an_unnamed_member_speaks_for_the_organisation_in_apposition_after_the_mention():
    text = "Wie ein Vertreter des Mutterkonzern von Airbus, EADS heute mitteilte, wurde das Werk verkauft."
    doc = _quotes(text, "ein Vertreter des Mutterkonzern von Airbus")
    reading = MentionReader(Evidence(text)).read_span(doc, doc.quotes[0].source)
    assert reading.anonymous and reading.holder == Holder(ORG, "EADS")


def test_a_mention_cut_before_the_rest_of_its_name_is_read_with_it():
    text = "Die Hilfsorganisation Ärzte ohne Grenzen teilte mit, dass alle flohen."
    reader = MentionReader(Evidence(text))
    assert reader.read_span(Doc(text), _span(text, "Die Hilfsorganisation Ärzte")).holder == Holder(
        ORG, "Ärzte ohne Grenzen")
    text = "Ein Sprecher der Bundesagentur für Arbeit sagte, es gehe."
    reader = MentionReader(Evidence(text))
    reading = reader.read_span(Doc(text), _span(text, "Ein Sprecher der Bundesagentur"))
    assert (reading.holder.name, reading.anonymous) == ("Bundesagentur für Arbeit", True)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # a compound of a listed plural is that group; a strong adjective in -e makes a bare -er
        # noun plural
        ("Freizeitforscher", (GROUP_TYPE, "Freizeitforscher", "")),
        ("Politische Berater", (GROUP_TYPE, "Berater", "")),
        ("einiger Juristen", (GROUP_TYPE, "Juristen", "")),
        # …not a singular: a strong masculine adjective, a member noun, a short end
        ("Politischer Berater", None),
        ("dessen Stellvertreter", None),
        ("der alle Nichtmoslems", None),
    ],
)
def test_compound_and_bare_plurals_of_people(mention, expected):
    assert holder(mention) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("einer am Dienstag veröffentlichten Pressemitteilung des WFP", (ORG, "WFP", "")),
        ("die am Montag befragte Polizei", (ORG, "Polizei", "")),
    ],
)
def test_a_participles_own_phrase_is_no_part_of_the_name(mention, expected):
    assert holder(mention) == expected


def test_a_definite_role_coref_took_for_an_unnamed_person_is_whom_the_article_names_so():
    from zitat_server.claims.holders import resolve_roles

    text = ("Das Staatsoberhaupt, die britische Königin Elisabeth II., bat um Anteilnahme. Sie sei geschockt, "
            "sagte die britische Königin. Der Gouverneur teilte mit, es gebe Tote.")
    queen = Entity("e1", "", ["Königin"], [_span(text, "die britische Königin.")], anonymous=True)
    governor = Entity("e2", "", ["Gouverneur"], [_span(text, "Der Gouverneur")], anonymous=True)
    doc = _doc(text, [queen, governor])
    reader = MentionReader(Evidence(text))
    readings = [reader.read_entity(doc, queen), reader.read_entity(doc, governor)]
    resolved = resolve_roles(readings, doc, reader)
    assert resolved[0].holder is not None and resolved[0].holder.name == "Elisabeth II."
    # a role the article names nobody with stays coref's unnamed person (no office memory)
    assert resolved[1].holder is None and resolved[1].anonymous and resolved[1].reason == ANONYMOUS


def test_a_role_takes_the_name_after_its_complement_in_the_article():
    from zitat_server.claims.holders import _people_with_roles

    text = ("Auch die US-Delegationsleiterin beim Klimagipfel, Sharon Hayes, äußerte sich. Es empfahl der "
            "EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle, zu verhandeln. "
            "1415 trat Papst Gregor XII. ab.")  # a bare title is no description of whom the article means
    people = {h.name: h.roles for h in _people_with_roles(text, MentionReader(Evidence(text)))}
    assert people == {"Sharon Hayes": ("US-Delegationsleiterin",), "Štefan Füle": ("EU-Kommissar",)}


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Das Weiße Haus", "Weißes Haus"),
        ("des Weißen Hauses", "Weißes Haus"),
        ("Der Evangelische Kirchenkreis Magdeburg", "Evangelischer Kirchenkreis Magdeburg"),
        ("Die Iranischen Revolutionsgarden", "Iranische Revolutionsgarden"),
    ],
)
def test_a_capitalised_adjective_after_an_article_makes_a_name(mention, name):
    article = "Die iranischen Behörden schweigen."  # the lower-case adjective elsewhere is another word
    assert holder(mention, article) == (ORG, name, "")


def test_a_list_of_fields_after_fuer_stays_in_the_name():
    assert holder("Das Bundesministerium für Umwelt, Naturschutz und Reaktorsicherheit") == (
        ORG, "Bundesministerium für Umwelt, Naturschutz und Reaktorsicherheit", "")
    assert holder("der Vorsitzende des Linux-Verbandes, Elmar Gesse") == (PERSON, "Elmar Gesse", "")


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Der EU-Kommissar für Energie Günther Oettinger", (PERSON, "Günther Oettinger", "")),
        ("Bundesminister für Arbeit und Soziales Hubertus Heil", (PERSON, "Hubertus Heil", "")),
    ],
)
def test_an_offices_field_then_the_name(mention, expected):
    assert holder(mention) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # English newspaper names end in a newspaper head; a German adjective or a first name
        # before "Post" makes none
        ("die Bangkok Post", (MEDIA, "Bangkok Post", "")),
        ("laut Bangkok Post", (MEDIA, "Bangkok Post", "")),
        ("der Irish Times", (MEDIA, "Irish Times", "")),
        ("die Deutsche Post", (ORG, "Deutsche Post", "")),
        ("Sarah Post", (PERSON, "Sarah Post", "")),
        # a news site is a medium, its name after the head
        ("Die Nachrichtenseite Business Insider", (MEDIA, "Business Insider", "")),
        ("der Magdeburger Volksstimme", (MEDIA, "Volksstimme", "")),
        ("die Flugsicherung", (ORG, "Flugsicherung", "")),
        # a title that names one person takes an article
        ("der Dalai Lama", (PERSON, "Dalai Lama", "")),
        # movements named by their shirts, a crowd: groups of people
        ("Die Rothemden", (GROUP_TYPE, "Rothemden", "")),
        ("Die Menschenmenge", (GROUP_TYPE, "Menschenmenge", "")),
    ],
)
def test_newspaper_names_news_sites_and_named_groups(mention, expected):
    assert holder(mention) == expected


def test_a_name_in_er_before_an_organisation_head_is_no_place_adjective():
    # "Hoover" is no place adjective: the name stays ("Ludwigshafener" is one, and an inflected
    # adjective as coref capitalises it is none of the name either)
    assert holder("die Hoover Institution") == (ORG, "Hoover Institution", "")
    assert holder("die zur kalifornischen Stanford University gehörende Hoover Institution") == (
        ORG, "Hoover Institution", "")
    assert holder("des Ludwigshafener Konzerns") is None
    assert holder("Der Münchner Konzern") is None
    assert holder("Französischer Stromnetzbetreiber") is None


def test_a_municipality_named_with_its_place_is_an_institution():
    article = "Für etwa 10.000 Hundebesitzer in Nürnberg erhöht sich die Hundesteuer."
    assert holder("Die Stadt Nürnberg", article) == (ORG, "Stadt", "Nürnberg")
    assert holder("Angaben der Stadt Nürnberg", article) == (ORG, "Stadt", "Nürnberg")
    assert holder("die Stadt", article) is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # English names of organisations end in a word no personal name ends in
        ("Amnesty International", (ORG, "Amnesty International", "")),
        ("Human Rights Watch", (ORG, "Human Rights Watch", "")),
        ("Tesla Motors", (ORG, "Tesla Motors", "")),
        # an adjective before the first noun of a "für" name; a name in lower case after a descriptor
        ("des Gesellschaft für bedrohte Völker", (ORG, "Gesellschaft für bedrohte Völker", "")),
        ("Die Gewerkschaft ver.di", (ORG, "ver.di", "")),
    ],
)
def test_organisation_names_by_their_last_word_a_fuer_complement_and_a_dotted_name(mention, expected):
    assert holder(mention) == expected


def test_a_class_noun_finds_an_organisation_named_by_its_last_word():
    text = ("Auch Vertreter von Amnesty International verurteilten den Einsatz. "
            "Die Organisation verlangte eine Untersuchung.")
    doc = _quotes(text, "Die Organisation")
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=ANONYMOUS)], MentionReader(Evidence(text)))
    assert readings[0].holder == Holder(ORG, "Amnesty International")


def test_a_plural_sie_is_the_group_that_opens_its_or_the_previous_sentence():
    text = ("Die Studenten forderten damals eine Umkehr. Sie forderten Pressefreiheit. "
            "Einige der einflussreichsten britischen Moslems haben Blair geschrieben. In der Notiz teilten sie mit, "
            "dass es so sei. Die beiden Länder sind Helfer. Sie haben angekündigt, zu handeln. "
            "Die Polizei teilte mit, sie hätten nichts gefunden.")
    starts = [m.start() for m in re.finditer(r"\b[Ss]ie\b", text)]
    doc = Doc(text)
    doc.sentences = _sentences(text)
    for at in starts:
        doc.quotes.append(Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(at, at + 3)))
    readings = resolve_plural_pronouns(doc, [Reading(reason=GROUP)] * len(starts), MentionReader(Evidence(text)))
    # countries are no group anyone names; a sentence whose own subject is no group keeps its "sie"
    assert [(r.holder.name, r.holder.qualifier) if r.holder else None for r in readings] == [
        ("Studenten", ""), ("Moslems", "britisch"), None, None]


def test_a_frame_noun_the_article_gives_a_first_name_is_a_surname():
    article = ("Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes, sagte es. In der Zeitung schreibt "
               "Papier in einem Gastbeitrag, dass es so sei.")
    assert holder("Papier", article) == (PERSON, "Hans-Jürgen Papier", "")
    assert holder("Papier") is None  # a document where no first name says otherwise
    assert holder("dem Papier", article) is None


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # a hyphen compound's first part names the holder of its frame or document, also when it is
        # written in lower case ("dpa-Meldung" is no adjective)
        ("einer dpa-Meldung", (MEDIA, "dpa", "")),
        ("Der ROG-Jahresbericht", (ORG, "ROG", "")),
        ("dem LSVD-Schreiben", (ORG, "LSVD", "")),
        ("der HIS-Studie", (ORG, "HIS", "")),
        ("der documenta-Homepage", None),
    ],
)
def test_the_first_part_of_a_hyphen_frame_or_document_is_its_holder(mention, expected):
    assert holder(mention) == expected


def test_a_person_after_a_local_institution_is_no_part_of_it():
    article = "Oberstaatsanwalt Ertel ermittelt. Außerdem warf die Staatsanwaltschaft Ertel vor, Geld genommen zu haben"
    assert holder("die Staatsanwaltschaft Ertel", article) == (ORG, "Staatsanwaltschaft", "")
    assert holder("die Staatsanwaltschaft Oslo", article) == (ORG, "Staatsanwaltschaft", "Oslo")


def test_two_people_of_one_surname_that_coref_merged_keep_their_own_names():
    from zitat_server.claims.ingest import read_sources

    text = ("Der 85-jährige Joseph Ratzinger sagte, er sei müde. Das sei ein natürlicher Vorgang, sagte "
            "Georg Ratzinger, sein Bruder. Hans Dieter Pötsch sagte es. Das meinte Dieter Pötsch.")
    sources = ("Der 85-jährige Joseph Ratzinger", "Georg Ratzinger", "Hans Dieter Pötsch", "Dieter Pötsch")
    doc = _quotes(text, *sources)
    doc.sentences = _sentences(text)
    brothers = Entity("e1", "Joseph Ratzinger", mentions=[_span(text, s) for s in sources[:2]])
    one = Entity("e2", "Hans Dieter Pötsch", mentions=[_span(text, s) for s in sources[2:]])
    doc.entities = {"e1": brothers, "e2": one}
    for quote, entity in zip(doc.quotes, ("e1", "e1", "e2", "e2"), strict=True):
        quote.entity = entity
    readings = read_sources(doc)
    assert [r.holder.name for r in readings] == ["Joseph Ratzinger", "Georg Ratzinger", "Hans Dieter Pötsch",
                                                 "Hans Dieter Pötsch"]
    assert "Georg Ratzinger" not in readings[0].holder.aliases
    assert "Dieter Pötsch" in readings[2].holder.aliases


def test_a_genitive_after_a_role_gives_way_to_the_name_in_apposition():
    article = "Die Stadt Hanoi wächst. Hanoi ist groß."
    reading = read("des kommunistischen Parteichefs Hanois, Pham Quang Nghi", article)
    assert reading.holder.name == "Pham Quang Nghi" and "Parteichefs" in reading.holder.roles
    assert holder("der Vorsitzende des Linux-Verbandes, Elmar Gesse") == (PERSON, "Elmar Gesse", "")


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # a known medium in the genitive after a nationality; not a norm ("des technischen Standards")
        ("einem Bericht des österreichischen Standards", (MEDIA, "Der Standard", "")),
        ("des technischen Standards", None),
        # the railway speaks as an institution; a patrol for its police
        ("Die Bahn", (ORG, "Bahn", "")),
        ("die Autobahn", None),
        ("eine Polizeistreife", (ORG, "Polizei", "")),
    ],
)
def test_a_medium_in_the_genitive_the_railway_and_a_patrol(mention, expected):
    assert holder(mention) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # seats of government speak for the office in them, as "der Kreml"
        ("der Downing Street", (ORG, "Downing Street", "")),
        ("das Pentagon", (ORG, "Pentagon", "")),
        ("der Élysée-Palast", (ORG, "Élysée", "")),
    ],
)
def test_seats_of_government_are_organisations(mention, expected):
    assert holder(mention) == expected


def test_a_spokesman_of_a_seat_of_government_speaks_for_it():
    reading = read("ein Sprecher der Downing Street")
    assert reading.anonymous and reading.holder == Holder(ORG, "Downing Street")
    reading = read("Ein Sprecher des Pentagons")
    assert reading.anonymous and reading.holder == Holder(ORG, "Pentagon")


def test_a_first_name_takes_a_long_surname_or_one_with_a_particle_from_the_article():
    article = ("General Sonthi Boonyaratglin erklärte es. Das schloss Sonthi nicht aus. Die Doktorarbeit des "
               "Verteidigungsministers Karl-Theodor zu Guttenberg wurde geprüft.")
    assert holder("Sonthi", article) == (PERSON, "Sonthi Boonyaratglin", "")
    assert holder("Karl-Theodor", article) == (PERSON, "Karl-Theodor zu Guttenberg", "")


def test_a_countrys_leadership_and_a_member_of_a_medium_in_the_genitive():
    assert holder("die nordkoreanische Führung") == (ORG, "Führung", "nordkoreanisch")
    assert holder("die Führung") is None  # whose, it does not say
    reading = read("dem Korrespondenten al-Jazeeras")
    assert reading.anonymous and reading.holder == Holder(MEDIA, "Al Jazeera")


def test_a_name_written_in_lower_case_with_its_abbreviation_after_a_descriptor():
    article = ("Laut einem Bericht der Menschenrechtsorganisation amnesty international (ai) nimmt die Zahl zu. "
               "Laut ai-Bericht ist es schwer. Die Menschenrechtsorganisation fordert mehr.")
    assert holder("ai-Bericht", article) == (ORG, "Amnesty International", "")
    assert holder("Die Menschenrechtsorganisation", article) == (ORG, "Amnesty International", "")
    assert holder("einem Bericht der Menschenrechtsorganisation", article) == (ORG, "Amnesty International", "")
    assert holder("ai-Bericht") is None  # an article that does not spell it out


def test_a_media_house_is_a_descriptor_and_a_publisher_refers_back_to_it():
    assert holder("das Medienhaus Lensing") == (ORG, "Lensing", "")
    text = ("In einer Pressemitteilung erklärte das Medienhaus Lensing, dass das Blatt stecke. "
            "Die Auflage ist gesunken. Der Verlag schlug den Mitarbeitern vor, zu wechseln.")
    doc = _quotes(text, "Der Verlag")
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=NOT_A_HOLDER)], MentionReader(Evidence(text)))
    assert readings[0].holder == Holder(ORG, "Lensing")


def test_a_plural_sie_takes_the_one_group_named_before_when_no_subject_opens_the_sentences():
    text = ("Gegen vier Uhr drangen die Brandstifter in die Moschee der Moslems ein. Danach fingen sie an, alles zu "
            "verwüsten. Sie schrieben Parolen an die Wand. "
            "Ablehnung signalisierten die so genannten Gelbhemden. Ihre Bedenken richten sich gegen die Pläne. "
            "Sie bezeichneten die Übereinkunft als Deal. "
            "Gestern trafen die Demonstranten die Polizisten. Danach sagten sie, es sei ruhig. "
            "Es regnete. Danach sagten sie, es sei ruhig.")
    starts = [text.index("Sie schrieben"), text.index("Sie bezeichneten"), text.index("sie, es"),
              text.rindex("sie, es")]
    doc = Doc(text)
    doc.sentences = _sentences(text)
    for at in starts:
        doc.quotes.append(Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(at, at + 3)))
    readings = resolve_plural_pronouns(doc, [Reading(reason=GROUP)] * len(starts), MentionReader(Evidence(text)))
    # the group in the nominative before the genitive "der Moslems"; two groups name none; a
    # sentence that does not take the group up ends the search
    assert [r.holder.name if r.holder else None for r in readings] == ["Brandstifter", "Gelbhemden", None, None]


def test_organisations_news_name_without_a_head_noun():
    assert holder("die Hamas") == (ORG, "Hamas", "")
    assert holder("der Taliban") == (ORG, "Taliban", "")
    assert holder("Sony") == (ORG, "Sony", "")


def test_a_plural_sie_after_an_opening_pronoun_looks_at_the_sentence_before():
    text = "Die Studenten protestierten lange. Wir, sagten sie, bleiben dran."
    at = text.index("sie,")
    doc = Doc(text)
    doc.quotes.append(Quote(message=[Span(0, 1)], form=Form.DIRECT, source=Span(at, at + 3)))
    reader = MentionReader(Evidence(text))
    # without sentences no subject is looked for
    assert resolve_plural_pronouns(doc, [Reading(reason=GROUP)], reader)[0].holder is None
    doc.sentences = _sentences(text)
    assert resolve_plural_pronouns(doc, [Reading(reason=GROUP)], reader)[0].holder == Holder(GROUP_TYPE, "Studenten")


def test_a_regional_newspaper_is_a_medium() -> None:
    assert holder("einem Bericht der Salzburger Nachrichten") == (MEDIA, "Salzburger Nachrichten", "")
    assert holder("der Kieler Nachrichten") == (MEDIA, "Kieler Nachrichten", "")


def test_a_country_genitive_before_an_institution_is_its_qualifier() -> None:
    assert holder("von Kenias Regierung") == (ORG, "Regierung", "Kenia")
    assert holder("Russlands Polizei") == (ORG, "Polizei", "Russland")
    assert holder("Merkels Regierung")[2] == ""  # a person's genitive is no place


def test_letztere_is_a_pronoun_no_name() -> None:
    assert read("letztere").reason == PRONOUN


def test_a_leadership_speaks_for_the_organisation_it_leads():
    assert holder("Die Vereinsleitung von Borussia Dortmund") == (ORG, "Borussia Dortmund", "")


def test_a_gremium_is_the_council_named_before_it():
    text = ("Unterdessen verlangte Mussawi vom Wächterrat die Annullierung der Wahl. Dieser bestätigte den Protest. "
            "Das zwölfköpfige Gremium gab bekannt, die Vorwürfe zu untersuchen.")
    doc = _quotes(text, "Das zwölfköpfige Gremium")
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=ROLE)], MentionReader(Evidence(text)))
    assert readings[0].holder == Holder(ORG, "Wächterrat")


def test_an_unnamed_member_of_a_class_noun_speaks_for_the_organisation_named_before():
    text = ("Nach der Zulassung will der Chemiekonzern BASF nachlegen. Wie eine Sprecherin des Ludwigshafener "
            "Konzerns bestätigte, plant der Chemieriese weitere Anträge.")
    doc = _quotes(text, "eine Sprecherin des Ludwigshafener Konzerns")
    doc.sentences = _sentences(text)
    readings = resolve_class_nouns(doc, [Reading(reason=ANONYMOUS, anonymous=True)], MentionReader(Evidence(text)))
    assert readings[0].holder == Holder(ORG, "BASF") and readings[0].anonymous
