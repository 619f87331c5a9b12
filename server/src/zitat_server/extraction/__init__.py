"""Extraction: text in, quotes with cues, sources and speakers out.

A ``Doc`` flows through small components (``component``) in the order a config names
(``configs``, ``pipeline``): tokenizer, quotation marks, the rules (``attribution``), the
trained taggers (``model_quotes``), continuations, partial quotes, coreference. Stands on
learned inference, the language data and the document model.
"""
