"""Bulk runs: ``zitat-batch`` runs the server's pipeline over an archive on Ray Data.

``inputs`` splits the input into shards (the unit of work and of restart) and reads them,
``rows`` turns a processed document into output rows, ``worker`` is the Ray actor (one pipeline
each) that turns a shard into a part file, ``output`` keeps the output directory and its
manifest, ``run`` drives a job and ``main`` is the command. At the serving level: it uses
extraction and claims, and nothing imports it.
"""
