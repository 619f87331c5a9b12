"""Learned inference: the trained models and what they read.

Token features and their versioned lexicon (``features``), tagger examples and windows
(``examples``), the flair taggers (``taggers``), linear classifiers (``linear``, ``forms``).
Stands on the language data and the document model; knows nothing of rules or serving.
"""

from pathlib import Path

#: The shipped model files (weights, feature lexicons, model card and scores).
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
