"""A pipeline with known timing for the worker-pool tests: the text says what to do.

``"steps=10 step=0.1"`` runs 10 steps of 0.1 s (checking between steps, like the real
pipeline); ``"die"`` kills the worker process; ``"boom"`` raises. Every document gets one
speaker whose id is the worker's pid, so a test sees which worker answered.
"""

from __future__ import annotations

import os
import re
import time

from zitat_server.document import Doc, Entity
from zitat_server.extraction.component import ComponentInfo

VERSION = "test+slow"


class SlowPipeline:
    version = VERSION

    def infos(self) -> list[ComponentInfo]:
        return [ComponentInfo("slow", "1", "rules", "sleeps between checks")]

    def process(self, text: str, check=None) -> Doc:
        if text.startswith("die"):
            os._exit(3)
        if text.startswith("boom"):
            raise RuntimeError("secret library text")
        m = re.search(r"steps=(\d+) step=([\d.]+)", text)
        steps, step = (int(m[1]), float(m[2])) if m else (1, 0.0)
        for i in range(steps):
            if check is not None:
                check(f"step {i}")
            time.sleep(step)
        doc = Doc(text)
        doc.entities[str(os.getpid())] = Entity(str(os.getpid()), "worker")
        return doc

    def process_sentences(self, sentences, check=None) -> Doc:
        return self.process("\n".join(" ".join(s) for s in sentences), check)


def build() -> SlowPipeline:
    return SlowPipeline()


def slow_start() -> SlowPipeline:
    """A pipeline that takes a minute to load."""
    time.sleep(60)
    return SlowPipeline()
