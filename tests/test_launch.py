"""The launcher reads a server's output while the server goes on writing to the same file."""

from __future__ import annotations

import os
import tempfile

from zitat_server.serving.launch import _log_text


class _NoSeek:
    """A log file whose offset must not move: the server writes through that same offset."""

    def __init__(self, f) -> None:
        self._f = f

    def fileno(self) -> int:
        return self._f.fileno()

    def seek(self, *args):
        raise AssertionError("seek moves the offset the server writes at: its next line overwrites the log")

    def read(self, *args):
        raise AssertionError("read moves the offset the server writes at")


def test_reading_the_log_leaves_the_offset_the_server_writes_at():
    with tempfile.TemporaryFile() as log:
        log.write(b"zitat-server listening on 127.0.0.1:41857\n")
        log.flush()
        end = os.lseek(log.fileno(), 0, os.SEEK_CUR)
        assert "listening on 127.0.0.1:41857" in _log_text(_NoSeek(log))
        assert os.lseek(log.fileno(), 0, os.SEEK_CUR) == end
