"""The tokenizer's knowledge of German abbreviations, ordinals and sentence starts."""

from __future__ import annotations

from zitat_server.language.dates import MONTH_ABBREVIATIONS, MONTHS

ABBREVIATIONS: frozenset[str] = frozenset(
    """
    Abb Abg Abh Abk Abs Abschn Adr allg Anh Anl Anm Aufl Ausg ausschl Az
    Bd Bde Bearb Beil bes Betr betr Bez Bhf Bl bspw Bsp bzgl bzw
    ca Chr Co Corp
    dgl Dipl Dr Dres dt Dt
    ebd Ebd ehem eigtl engl erw evtl Ev ev evang exkl
    Fa Fam ff Frl franz frz Fr
    geb gegr gem Ges ges gest Gew gez ggf ggfs griech Gebr
    Hbf hist Hl hl Hptst Hr Hrn Hrsg
    Inc Ing Inh inkl insb int intern internat ital
    Jg Jh Jhd Jhdt jr Jr jun
    Kap kath kgl Kgl Kl Kr Krs Kt Kto Kpt Kapt Kfm
    lat lfd Lfd lt Lt Ltd Ltg
    Mag max Mio Mill Min Mitgl Mitarb Mrd Mr Mrs Ms Msgr Mwst MwSt
    Nachf näml Nat Nov Nr Nrn
    od Okt österr
    Pers Pfd Pfr Pkt Pl Pos Präs Prof Prov Proz
    Rd rd Ref Reg Rel Rep röm russ
    Sek sek Sen sen Sept Sep sog span Std Stk St stellv Stellv Str Stv stv
    Tab Tel techn Techn Tsd
    übers Übers Univ urspr usf usw
    Verf Verw vgl Vol vol Vors Vorst vs
    Wdh wiss Wiss
    Zi Ziff zit zul Zus zus zust zw zz zzt Zt Ztg zzgl
    Apr Aug Dez Feb Febr Okt etc
    """.split()
)
"""Words that, written with a period, are abbreviations (case-sensitive). Excluded on purpose:
abbreviations that are also words ending a sentence ("Gen.", "Abt.", "dir.", "Art." unless a
number follows); single letters (z. B., u. a., initials) are matched by a general rule."""

# Abbreviations that may also end a sentence: "…, Hamburg usw. Die …".
END_ABBREVIATIONS: frozenset[str] = frozenset("usw. usf. etc. ff. Chr. Jh. Jhd. Jhdt. Inc. Ltd. Corp.".split())

# Words that start a new sentence after a number with a period ("… wurde 75. Die Feier …"),
# where elsewhere "der 67. Minute", "1. FC Köln" are ordinals before a capitalised noun.
SENTENCE_STARTERS = (
    "Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Einen|Er|Sie|Es|Wir|Ich|Ihr|Man|Am|Im|In|Auf|Aus"
    "|Bei|Beim|Mit|Nach|Von|Vom|Vor|Zu|Zum|Zur|Seit|Bis|Für|Gegen|Über|Unter|Auch|Aber|Doch"
    "|Dann|Danach|Damit|Dabei|Dazu|Daher|Deshalb|Dies|Diese|Dieser|Dieses|Nun|So|Als|Wie|Was"
    "|Wer|Wo|Wenn|Weil|Obwohl|Trotz|Während|Zudem|Außerdem|Jedoch|Allerdings|Insgesamt|Laut"
    "|Heute|Gestern|Bereits|Erst|Noch|Nur|Hier|Dort|Viele|Alle|Kein|Keine|Sein|Seine|Ihre"
    "|Bisher|Beide|Zuvor|Zuletzt|Später|Inzwischen|Mittlerweile|Seitdem|Dennoch|Trotzdem"
    "|Darüber|Zunächst|Anschließend|Gleichzeitig|Unterdessen|Damals|Derzeit|Nachdem|Da|Um"
    "|Neben|Jetzt|Demnach|Zwar|Ihm|Ihn|Ihnen|Uns|Mehrere|Einige|Jeder|Jede|Wegen"
)
# A number after these is a cardinal even before a capitalised word: "auf Platz 19. Trainer …".
CARDINAL_AFTER: tuple[str, ...] = tuple(
    "Platz Rang Typ Nummer Nr. Flug Version Seite Kapitel Artikel Gruppe Linie Gleis Zimmer Runde".split()
)

#: Month names and abbreviations as a regular-expression alternation.
MONTHS_PATTERN = "|".join((*MONTHS, *MONTH_ABBREVIATIONS))
