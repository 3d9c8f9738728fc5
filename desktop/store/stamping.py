"""Per-write sync metadata: this device's counter, version vectors, hybrid-logical-clock stamps.

Every write takes the next counter of this device (its "dot"), merges the previous
version vector with that dot, and takes a clock stamp. The stamp format
`<unix ms, 13 digits>-<logical, 5 digits>-<device>` sorts as text.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass


def vv_text(vector: Mapping[str, int]) -> str:
    return json.dumps(dict(sorted(vector.items())), separators=(",", ":"))


def vv_parse(text: str) -> dict[str, int]:
    value = json.loads(text) if text else {}
    return {str(k): int(v) for k, v in value.items()}


def hlc_text(millis: int, logical: int, device: str) -> str:
    return f"{millis:013d}-{logical:05d}-{device}"


def hlc_parse(text: str) -> tuple[int, int, str]:
    millis, logical, device = text.split("-", 2)
    return int(millis), int(logical), device


def utc_now_text() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class WriteStamp:
    device: str
    counter: int
    hlc: str
    at: str


class Stamper:
    """Hands out stamps for local writes; the caller persists `counter` and `last_hlc`."""

    def __init__(
        self,
        device: str,
        counter: int,
        last_hlc: str,
        wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.device = device
        self.counter = counter
        self.last_hlc = last_hlc
        self._wall_ms = wall_ms

    def next(self) -> WriteStamp:
        self.counter += 1
        last_ms, last_logical = (0, 0)
        if self.last_hlc:
            last_ms, last_logical, _ = hlc_parse(self.last_hlc)
        now = self._wall_ms()
        if now > last_ms:
            millis, logical = now, 0
        else:
            millis, logical = last_ms, last_logical + 1
        self.last_hlc = hlc_text(millis, logical, self.device)
        return WriteStamp(self.device, self.counter, self.last_hlc, utc_now_text())

    def observe(self, remote_hlc: str) -> None:
        """Move the clock past a stamp seen in an imported bundle."""
        if not self.last_hlc or remote_hlc[:19] > self.last_hlc[:19]:
            millis, logical, _ = hlc_parse(remote_hlc)
            self.last_hlc = hlc_text(millis, logical, self.device)
