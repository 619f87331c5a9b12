"""Training of the learned attribution models (cue tagger, role tagger, form/medium classifier).

Kept inside the server package because inference shares the feature extraction in
:mod:`zitat_server.training.features`; the trainers themselves import flair lazily.
"""
