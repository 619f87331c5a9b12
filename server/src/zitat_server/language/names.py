"""Personal names: which capitalised words can be part of one."""

from __future__ import annotations

import re
from functools import lru_cache

from zitat_server.language.dates import MONTHS, WEEKDAYS
from zitat_server.language.function_words import CLAUSE_OPENERS, SENTENCE_ADVERBS, SENTENCE_VERBS
from zitat_server.language.roles import is_role

#: Particles inside names ("Ursula von der Leyen", "Osama bin Laden", "Carla del Ponte").
NAME_PARTICLES: frozenset[str] = frozenset("von van de der zu bin al da di del la le du dos ten ter".split())

#: Capitalised words that are never (part of) a personal name: function words, adverbs and verbs
#: at a sentence start, weekdays and months.
NOT_NAMES: frozenset[str] = frozenset(
    [w.capitalize() for w in CLAUSE_OPENERS | SENTENCE_ADVERBS | SENTENCE_VERBS] + list(WEEKDAYS) + list(MONTHS)
)

# Capitalised words with these endings are common nouns or institutions, never personal names.
_NOUN_SUFFIX = re.compile(
    r"(ung|ungen|heit|keit|schaft|tion|ionen|tät|täten|ismus|ment|nis|nisse|tum|chen|lein|ik|agentur|ministerium"
    r"|regierung|behörde|polizei|zeitung|studie|bericht|berichte|angaben|organisation|partei|verband|gericht"
    r"|gerichtshof|institut|unternehmen|konzern|bank|amt|büro|rat|kommission|gewerkschaft|quelle|quellen)$",
    re.IGNORECASE,
)
# Arabic and other name particles written with a hyphen: "al-Assad", "el-Sisi".
_HYPHEN_PARTICLE = re.compile(r"^(al|el|ad|as|ash|at|ibn|bin|abu|ul)-[A-ZÄÖÜ]")
_LOWER_COMPOUND = re.compile(r"^[a-zäöü][\w.]*-[A-ZÄÖÜ][a-zäöüß]")


def is_capitalised(word: str) -> bool:
    """Capitalised as a noun or name is, including compounds on a lower-case brand or outlet:
    "verdi-Verhandlungsführer", "taz-Chefredakteurin", "dpa-Korrespondent"."""
    if word[:1].isupper():
        return any(ch.isalpha() for ch in word)
    return bool(_LOWER_COMPOUND.match(word))


def has_hyphen_particle(word: str) -> bool:
    """ "al-Assad", "el-Sisi": a name although it starts in lower case."""
    return bool(_HYPHEN_PARTICLE.match(word))


@lru_cache(maxsize=1 << 16)
def is_name_word(word: str) -> bool:
    """Could ``word`` be part of a personal name?"""
    if has_hyphen_particle(word):
        return True
    return (
        is_capitalised(word)
        and word not in NOT_NAMES
        and not word.startswith(WEEKDAYS)  # "Mittwochfrüh", "Montagabend"
        and not is_role(word)
        and not _NOUN_SUFFIX.search(word)
    )


#: Common first names (German, Austrian and of the people international news quotes), and those
#: that follow a role noun in the news train split ("Außenminister Frank-Walter Steinmeier"): a
#: capitalised run that starts with one is a person's name, where "Solche Winter" or "Verliert
#: Strache" are not.
FIRST_NAMES: frozenset[str] = frozenset(
    """
    Aaron Abdel Abdul Abdullah Abhisit Adam Adolf Adrian Adriano Agnes Ahmad Ahmed Ahmet Alain Alan
    Albert Alberto Alejandro Aleksandar Alev Alexander Alexandra Alexei Alexej Alexis Alfred Alfredo Ali
    Alice Alois Alphons Amber Amir Amy Ana Andrea Andreas Andrej Andrew Andrzej André Angela Angelo
    Anita Anja Anke Ann Anna Annalena Anne Anne-Marie Anneliese Annette Ante Antje Anton Antonia Antonio
    António Ariel Arjen Armin Arnold Arthur Artur Askar Astrid Axel Ayaan Ayşe Barack Barasan Barbara
    Barnaba Barney Bart Bashar Batscho Beate Ben Benedikt Benjamin Bernd Bernhard Bernie Bertrand
    Bettina Bill Birgit Birgitta Björn Bodo Boris Brigitte Bruno Béla Bülent Calvin Camilla Carl Carla
    Carlo Carlos Carmen Caroline Carolyn Cem Charles Charlie Charlotte Chidchai Chris Christa Christian
    Christiane Christina Christine Christodoulos Christoph Christopher Chuck Claudia Claus Clayton
    Clemens Coelestin Colin Condoleezza Cornelia Cristian Cristiano Cyril Dagmar Danae Daniel Daniela
    Danijel David Denis Dennis Detlef Diana Didier Dieter Dietmar Dimitris Dirk Dmitri Dmitrij Dominic
    Donald Doris Dorothea Dragan Eberhard Edgar Edi Edith Edmund Eduard Eduardo Ehud Elena Elias
    Elisabeth Elizabeth Elke Ellen Elliot Elon Emil Emily Emine Emma Emmanuel Enrique Eric Erich Erik
    Erika Ernst Erwin Esther Eva Evelyn Ewa Fabian Fatma Federica Federico Felipe Felix Ferdinand Filiz
    Florian Florijana Franck Frank Frank-Walter Franz Franziska François Friedrich Fritz Fränk Fumio
    Gabi Gabriel Gabriele Garrelt Georg George Georgi Gerald Gerd Gergely Gerhard Gerhart Gernot Gertrud
    Ghazi Giorgia Giorgos Gisela Gitta Giuliano Giulio Gloria Gonzalo Gordon Grace Gregor Greta Gudrun
    Guido Gustav Günter Günther Hajim Hamid Hanna Hannah Hannelore Hannes Hans Hans-Christian Hans-
    Dietrich Hans-Jörg Hans-Jürgen Hans-Peter Harald Harry Hartmut Hasan Hassan Heidemarie Heidi Heike
    Heiko Heino Heinrich Heinz Heinz-Christian Helene Helga Helmut Henrik Henry Herbert Heribert Hermann
    Hilde Hillary Hisashi Horst Hubert Hugo Héctor Hüseyin Ibrahim Ida Igor Ijad Ilse Imran Inge Ingolf
    Ingrid Irene Iris Irmgard Isabel Isabell Ismail Ivan Ivica Jack Jacob Jacques Jaime Jair Jakob James
    Jan Jana Jane Janet Jarosław Jason Jassir Javier Jean Jean-Claude Jean-Luc Jean-Marie Jeb Jeff
    Jelena Jennifer Jens Jeremy Jerome Jerzy Jessica Jewgeni Jim Jimmy Jitzchak Joachim Jochen Jody Joe
    Johann Johanna Johannes John Jonas Jonathan Jorge Joschka Jose Josef Joseph Joshua José Juan Judith
    Jules Julia Julian Julius Juri Justin Jörg Jürgen Kai Kamala Kandeh Karim Karin Karl Karl-Heinz
    Karl-Theodor Karola Kasper Kate Katharina Kathrin Katrin Keir Kemal Kerstin Kevin Khaled Kim Kirsten
    Kjell Klaus Knut Kofi Kolinda Konrad Kostas Kristina Kurt Kylian Kyriakos Lana Larry Lars Laura
    Laurenz Lena Leo Leon Leonhard Leroy Lionel Lisa Liz Lothar Louis Lucas Ludwig Luis Luise Luka Lukas
    Lutz Magdalena Mahmud Manfred Manuel Manuela Marc Marcel Marco Margarete Margit Maria Maria-Theresia
    Mariano Marie Marina Marine Mario Marion Mark Marko Markus Marlene Martha Martin Martina Mateusz
    Matteo Matthias Max Maximilian Meghan Mehmet Melanie Meles Mesut Michael Michaela Michail Michaëlle
    Micheil Michel Michéle Miguel Mike Milo Milorad Miriam Mirko Mitch Mohamed Mohammad Mohammed Mohsen
    Monika Muhammad Mustafa Nadine Naftali Nancy Narendra Nasser Natalie Neelie Nelson Neymar Nicholas
    Nicola Nicolae Nicolas Nicole Niklas Niko Nikolaus Nils Nina Norbert Novak Nuri Olaf Oleksij Oliver
    Olli Omar Onrej Oskar Osleidys Othman Otto Pamela Paolo Pascal Patricia Patrick Paul Paula Pedro
    Peer Pep Pervez Peter Petra Petri Petro Philipp Pia Pim Prem Péter Rafael Rahim Rahul Rainer Ralf
    Ralph Ramsey Rand Raymond Recep Reinhard Reinhold Renate Rene René Richard Rick Rishi Rita Robert
    Roberto Robin Roger Roland Rolf Ron Ronald Ronja Rosa Rudolf Rustem Ruth Rüdiger Sabine Sabrina
    Sadeq Safaa Sahra Samak Sandra Sara Sarah Sascha Satya Schimon Sebastian Sebastien Sepp Serena
    Sergei Sergej Sergey Sergio Shinzo Siegfried Siegmar Siegrid Sigmar Sigrid Silke Silvana Silvio
    Simon Simone Somchai Sonja Sonthi Sophie Stefan Stefanie Steffan Steffen Stephan Stephanie Steve
    Steven Sundar Surayud Susan Susanne Susilo Suthep Sven Svenja Swantje Sylvia Taha Tatjana Ted Teresa
    Thabo Theresa Thomas Thorbjørn Thorsten Till Tilman Tim Timo Tobias Tom Toni Tony Torsten Tzipi Udo
    Ulla Ulrich Ulrike Umar Urs Ursula Ute Uwe Valentin Vanessa Velda Venus Vera Verena Vicente Viktor
    Viktoria Vincent Vitali Vlad Volker Vona Walter Waltraud Warren Wayne Werner Wilhelm Willi William
    Willy Winai Winfried Witali Wladimir Wolfgang Wolodymyr Woodrow Xavier Xi Yanis Yukio Yusuf Yvonne
    Zakari Zlatan Zlatko Zoran Álvaro Édouard Ólafur Óscar
    """.split()
)


#: The first names of :data:`FIRST_NAMES` borne by women; :data:`EITHER_NAMES` by men or women
#: ("Andrea Nahles", "Andrea Bocelli"); the rest by men. Pronouns agree with them ("sie", "er").
FEMALE_NAMES: frozenset[str] = frozenset(
    """
    Agnes Alev Alexandra Alice Amber Amy Ana Angela Anita Anja Anke Ann Anna Annalena Anne Anne-Marie
    Anneliese Annette Antje Antonia Astrid Ayaan Ayşe Barbara Beate Bettina Birgit Birgitta Brigitte
    Camilla Carla Carmen Caroline Carolyn Charlotte Christa Christiane Christina Christine Claudia
    Condoleezza Cornelia Dagmar Danae Daniela Diana Doris Dorothea Edith Elena Elisabeth Elizabeth Elke
    Ellen Emily Emine Emma Erika Esther Eva Evelyn Ewa Fatma Federica Filiz Florijana Franziska Gabi
    Gertrud Giorgia Gisela Gitta Gloria Grace Greta Gudrun Hanna Hannah Hannelore Heidemarie Heidi
    Heike Helene Helga Hilde Hillary Ida Ilse Inge Ingrid Irene Iris Irmgard Isabel Isabell Jana Jane
    Janet Jelena Jennifer Jessica Johanna Judith Julia Kamala Karin Karola Kate Katharina Kathrin Katrin
    Kerstin Kirsten Kolinda Kristina Lana Laura Lena Lisa Liz Luise Magdalena Manuela Margarete Margit
    Maria Maria-Theresia Marie Marina Marine Marion Marlene Martha Martina Meghan Melanie Michaela
    Michéle Miriam Monika Nadine Nancy Natalie Neelie Nicole Osleidys Pamela Patricia Paula Petra Pia
    Rita Ronja Rosa Ruth Sabine Sabrina Sahra Sandra Sara Sarah Serena Siegrid Sigrid Silke Silvana
    Sonja Sophie Stefanie Stephanie Susan Susanne Svenja Swantje Sylvia Tatjana Teresa Theresa Tzipi
    Ulla Ulrike Ursula Ute Vanessa Venus Vera Verena Viktoria Waltraud Yvonne
    """.split()
)
EITHER_NAMES: frozenset[str] = frozenset(
    "Andrea Gabriele Nicola Simone Kim Jody Sascha Robin Toni Ariel Chris Charlie Jean Rand Velda Vona".split()
)


def first_name_feminine(word: str) -> bool | None:
    """True for a woman's first name, False for a man's, None if unknown or borne by both."""
    if not is_first_name(word):
        return None
    head = word.split("-")[0]
    if word in FEMALE_NAMES or head in FEMALE_NAMES:
        return True
    return None if head in EITHER_NAMES else False


def is_first_name(word: str) -> bool:
    """ "Angela", "Frank-Walter" (each part a first name)."""
    return word in FIRST_NAMES or "-" in word and all(p in FIRST_NAMES for p in word.split("-"))
