"""Claims: the durable store of who said what, across articles and outlets.

Ingest (extract, resolve speakers across documents, link near-duplicate claims) and the store
backends. Stands on the document model and the language data; takes any extractor with
``version`` and ``process`` (the pipeline), so it does not depend on how quotes are found.
"""
