"""Function words: determiners, pronouns, conjunctions and the words that open a clause."""

from __future__ import annotations

#: Determiners, possessives and quantifiers that can open a noun phrase.
DETERMINERS: frozenset[str] = frozenset(
    """der die das des dem den ein eine einer eines einem einen dieser diese dieses diesem diesen
    sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren kein keine unser unsere
    mehrere viele einige zwei drei vier beide alle manche mancher manchen zahlreiche weitere andere""".split()
)
#: Genitive and dative articles and prepositions that attach a noun phrase to the one before
#: ("der Sprecher des Ministeriums", "ein Sprecher von Siemens").
ATTACHING: frozenset[str] = frozenset({"des", "der", "eines", "einer", "von", "vom"})

PRONOUNS_MASC: frozenset[str] = frozenset({"er", "ihm", "ihn"})
PRONOUNS_FEM: frozenset[str] = frozenset({"sie", "ihr"})
#: Personal pronouns that can be a speaker mention.
PRONOUNS: frozenset[str] = PRONOUNS_MASC | PRONOUNS_FEM | frozenset({"ich", "wir", "man"})
#: Pronouns in the nominative: the subject of a clause ("sagte er", "kann man").
NOMINATIVE_PRONOUNS: frozenset[str] = frozenset({"er", "sie", "ich", "wir", "man"})
#: Pronouns that name a group or nobody in particular: never one person.
GROUP_PRONOUNS: frozenset[str] = frozenset({"wir", "man"})
#: Conjunctions that join two phrases or verbs of one clause: "beklagen Fehler und fordern …",
#: "mit Waffen und Uniformen".
COORDINATORS: frozenset[str] = frozenset({"und", "oder", "sowie"})

#: Relative pronouns (and the articles they share their forms with).
RELATIVE_PRONOUNS: frozenset[str] = frozenset(
    "der die das dem den denen deren dessen welche welcher welches welchem welchen".split()
)

#: Prepositions: a noun phrase after one is its object, never a subject ("nach Berichten", "zu den
#: Gefahren des Eises warnte die Moderatorin").
PREPOSITIONS: frozenset[str] = frozenset(
    """in im ins am an ans auf aufs aus bei beim mit nach von vom vor vors zu zum zur für fürs über übers
    unter durch durchs um ums gegenüber gegen wegen zwischen neben hinter ohne trotz entgegen""".split()
)
#: Conjunctions that open the content clause of an indirect quote.
COMPLEMENTIZERS: frozenset[str] = frozenset({"dass", "daß", "ob", "wie", "warum", "weshalb", "wann"})
DASS: frozenset[str] = frozenset({"dass", "daß"})

#: Capitalised at a sentence start, these are function words, never names: "Von Zeugen wurde …",
#: "Nachdem X bekannt wurde …", "Vielleicht …".
CLAUSE_OPENERS: frozenset[str] = frozenset(
    """am im in auf nach vor bei mit seit wie laut zufolge dabei doch denn auch aber und oder dann so
    da es ich wir sie er man heute gestern morgen das der die den dem des von vom wegen statt anstatt
    für fürs gegen gegenüber trotz ab unter über zu zum zur beim aus durch ohne um ins ans aufs während
    innerhalb außerhalb
    angesichts aufgrund neben hinter zwischen bis seitens nachdem weil wenn als obwohl ob dass damit
    sodass falls sobald bevor seitdem sowie sondern jedoch zwar außerdem deshalb dennoch demnach zudem
    daher danach darum dazu bereits inzwischen zuvor jetzt nun hier dort alles alle jeder jede viele
    einige manche mehrere beide nicht noch schon erst immer bisher damals später gleichzeitig
    allerdings trotzdem ebenfalls vielmehr insgesamt schließlich offenbar wohl sogar nur kaum etwa rund
    fast mehr weiter zunächst kürzlich derzeit was wer welche welcher kein keine ein eine einer nie
    niemals vielleicht sonst natürlich leider hoffentlich wahrscheinlich möglicherweise tatsächlich
    eben gerade ganz sehr früher einst bald oft manchmal meist meistens zuletzt anfangs""".split()
)
#: Adverbs and participles that open sentences and, capitalised there, look like names ("Ebenso
#: plädierte auch Volker Beck", "Unterdessen sagte …", "Überrascht hat …", "Des Weiteren verwies
#: Steinbrück darauf"); never a speaker.
SENTENCE_ADVERBS: frozenset[str] = frozenset(
    """ebenso einzig lediglich dies hierzu hierbei hierfür darüber darauf daraufhin darin davon dagegen
    dafür dadurch dazwischen unterdessen indessen indes stattdessen gar überdies zugleich zumindest
    mindestens immerhin jedenfalls ohnehin freilich nämlich also folglich somit mithin ferner weiterhin
    künftig bislang seither fortan sodann vorerst vorher nachher hingegen ansonsten gleichwohl selbst
    insbesondere zuerst erstens zweitens drittens letztlich endlich schlussendlich offensichtlich
    anscheinend angeblich vermutlich bekanntlich eigentlich wiederum demgegenüber überraschend überrascht
    dementsprechend entsprechend andererseits einerseits jüngst neulich kürzlich ähnlich genauso ebendies
    deswegen weshalb wodurch womit wonach worauf hiernach infolgedessen lasst lass ja nein daraus hieraus
    weiteren öfteren übrigen einschlägig wenige letzte letzten vergangene vergangenen kommende""".split()
)
#: Finite verbs that open questions and conditionals ("Sollte …", "Wäre …", "Gibt es …"):
#: capitalised there, never a name.
SENTENCE_VERBS: frozenset[str] = frozenset(
    """sollte sollten würde würden könnte könnten müsste müssten hätte hätten wäre wären habe haben hat
    hatte ist war sind waren wird wurde werden wurden kann können muss müssen soll sollen will wollen darf
    dürfen gibt gab geht ging kommt kam bleibt blieb steht stand liegt lag zeigt zeigte sagt sagte heißt
    hieß glauben glaubt meinen meint weiß wissen verliert verlor gilt galt braucht brauchen""".split()
)
