"""German language knowledge, in one home: the data every other layer reads.

Cue lexicon (``cues``), verb mood (``mood``), function words (``function_words``), names and
role nouns (``names``, ``roles``), dates (``dates``), punctuation and quotation marks
(``marks``) and the tokenizer's abbreviations (``abbreviations``). Plain data and tiny
predicates; nothing here imports another layer of zitat except the document model's enums.
Rules and model features read the same lists, so a word added here reaches both (a trained
model keeps the copy it was trained with next to its weights: ``learned.features``).
"""
