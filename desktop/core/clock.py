"""Hybrid logical clock: stamps that follow causality and stay close to wall-clock time.

A stamp orders record versions for display ("edited 5 minutes ago on the office laptop").
Causality itself comes from version vectors; the clock only has to be monotonic on each
device and never run behind a stamp the device has seen. A remote stamp far in the future
would drag every later local stamp with it, so it is refused instead.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

MS_WIDTH = 13
COUNTER_WIDTH = 5
MAX_COUNTER = 10**COUNTER_WIDTH - 1
DEFAULT_MAX_SKEW_MS = 24 * 60 * 60 * 1000
_NS_PER_MS = 1_000_000
_WHITESPACE = re.compile(r"\s")  # what str.isspace() calls a space


CLOCK_SKEW = (
    "A received change is dated too far in the future; check the date and time on both devices."
)


class ClockSkewError(ValueError):
    """A received stamp lies further in the future than the allowed clock skew.

    `str()` is a plain sentence; the sync layer shows it to the user as a `KnownError`.
    """


@dataclass(frozen=True, order=True, slots=True)
class HlcStamp:
    """One clock reading: wall time in milliseconds, a logical counter, the device id.

    Field order is the sort order; the device id only breaks ties between devices.
    """

    wall_ms: int
    counter: int
    device: str

    def __post_init__(self) -> None:
        if not 0 <= self.wall_ms < 10**MS_WIDTH:
            raise ValueError("clock wall time out of range")
        if not 0 <= self.counter <= MAX_COUNTER:
            raise ValueError("clock counter out of range")
        if not self.device or _WHITESPACE.search(self.device):
            raise ValueError("clock device id must be non-empty without spaces")

    def format(self) -> str:
        """Canonical text that sorts like the stamp: `1700000000000-00000-<device>`."""
        return f"{self.wall_ms:0{MS_WIDTH}d}-{self.counter:0{COUNTER_WIDTH}d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> HlcStamp:
        """Read the canonical text form back; `ValueError` for anything else."""
        parts = text.split("-", 2)
        if len(parts) != 3:
            raise ValueError("not a clock stamp")
        wall, counter, device = parts
        if len(wall) != MS_WIDTH or len(counter) != COUNTER_WIDTH:
            raise ValueError("not a clock stamp")
        if not (wall.isascii() and wall.isdigit() and counter.isascii() and counter.isdigit()):
            raise ValueError("not a clock stamp")
        return cls(int(wall), int(counter), device)

    def __str__(self) -> str:
        return self.format()


class HybridClock:
    """The clock of one device; `now` returns nanoseconds like `time.time_ns`.

    Pass `last` (the highest stamp this device has issued or seen, as stored in the vault)
    so that a restart with a wall clock set back still never issues a smaller stamp.
    """

    def __init__(
        self,
        device_id: str,
        now: Callable[[], int] = time.time_ns,
        *,
        max_skew_ms: int = DEFAULT_MAX_SKEW_MS,
        last: HlcStamp | None = None,
    ) -> None:
        self.device_id = device_id
        self._now = now
        self.max_skew_ms = max_skew_ms
        self._wall_ms = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    def _physical_ms(self) -> int:
        return self._now() // _NS_PER_MS

    def _advance(self, wall_ms: int, counter: int) -> HlcStamp:
        if counter > MAX_COUNTER:  # more events in one millisecond than the counter holds
            wall_ms, counter = wall_ms + 1, 0
        self._wall_ms, self._counter = wall_ms, counter
        return HlcStamp(wall_ms, counter, self.device_id)

    def tick(self) -> HlcStamp:
        """A stamp for a local event, greater than every stamp issued or observed so far."""
        physical = self._physical_ms()
        if physical > self._wall_ms:
            return self._advance(physical, 0)
        return self._advance(self._wall_ms, self._counter + 1)

    def observe(self, remote: HlcStamp) -> HlcStamp:
        """Take in a received stamp; returns a local stamp greater than it and than all before.

        Raises `ClockSkewError` when `remote` is more than the allowed skew ahead of this
        device's wall clock.
        """
        physical = self._physical_ms()
        if remote.wall_ms > physical + self.max_skew_ms:
            raise ClockSkewError(CLOCK_SKEW)
        wall = max(self._wall_ms, remote.wall_ms, physical)
        if wall == self._wall_ms == remote.wall_ms:
            counter = max(self._counter, remote.counter) + 1
        elif wall == self._wall_ms:
            counter = self._counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return self._advance(wall, counter)

    @property
    def last(self) -> HlcStamp:
        """The highest stamp issued or observed, for the vault to persist."""
        return HlcStamp(self._wall_ms, self._counter, self.device_id)
