"""A one-line progress bar for a terminal: done/total, documents per second, time left."""

from __future__ import annotations

import time
from typing import TextIO

BAR_WIDTH = 24
# Redrawing more often than this only costs time.
REDRAW_SECONDS = 0.2


def duration(seconds: float) -> str:
    """``4.2s``, ``3m 12s``, ``2h 05m``: precise enough to plan around, short enough to read."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


class Progress:
    """Redraws one line on ``stream``; only ever created for a terminal.

    The rate counts documents analysed in this run, not those skipped as unchanged, so the
    time left holds up when a resumed run races through the part already done.
    """

    def __init__(self, stream: TextIO, total: int | None) -> None:
        self.stream = stream
        self.total = total
        self.start = time.monotonic()
        self.drawn = 0.0

    def update(self, done: int, analysed: int, failed: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < REDRAW_SECONDS:
            return
        self.drawn = now
        rate = analysed / (now - self.start) if now > self.start else 0.0
        parts = [f"{done:,}" + (f"/{self.total:,}" if self.total else "")]
        if self.total:
            filled = round(BAR_WIDTH * min(done / self.total, 1.0))
            parts.insert(0, "[" + "#" * filled + "-" * (BAR_WIDTH - filled) + "]")
        parts.append(f"{rate:.1f} docs/s")
        if self.total and rate > 0:
            parts.append(f"ETA {duration(max(self.total - done, 0) / rate)}")
        if failed:
            parts.append(f"{failed:,} failed")
        self.stream.write("\r" + "  ".join(parts) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()
