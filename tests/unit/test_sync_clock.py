"""Hybrid logical clock: monotonic, follows received stamps, refuses far-future ones."""

import pytest

from desktop.core.clock import ClockSkewError, HlcStamp, HybridClock

DEVICE = "2a06cd50-54ec-4390-a28c-6d26220f86dd"
MS = 1_000_000


class ManualTime:
    """A wall clock the test sets by hand, in nanoseconds."""

    def __init__(self, ms: int) -> None:
        self.ns = ms * MS

    def __call__(self) -> int:
        return self.ns


def test_text_form_round_trips_and_sorts_like_the_stamp() -> None:
    stamps = [HlcStamp(1_700_000_000_000, 3, DEVICE), HlcStamp(999, 0, "b"), HlcStamp(999, 12, "a")]
    for stamp in stamps:
        assert HlcStamp.parse(stamp.format()) == stamp
    assert stamps[0].format() == f"1700000000000-00003-{DEVICE}"
    assert sorted(s.format() for s in stamps) == [s.format() for s in sorted(stamps)]


@pytest.mark.parametrize(
    "text", ["", "12-0000-a", "1700000000000-000x0-a", "0001700000000000-0003-a", "x" * 30]
)
def test_malformed_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        HlcStamp.parse(text)


def test_tick_is_strictly_increasing_when_the_wall_clock_stalls_or_goes_back() -> None:
    time = ManualTime(5_000)
    clock = HybridClock(DEVICE, time)
    first = clock.tick()
    second = clock.tick()
    time.ns = 4_000 * MS  # the user set the clock back
    third = clock.tick()
    assert first < second < third
    assert (first.wall_ms, first.counter) == (5_000, 0)
    assert (third.wall_ms, third.counter) == (5_000, 2)


def test_observe_moves_past_a_remote_stamp_ahead_of_local_time() -> None:
    time = ManualTime(5_000)
    clock = HybridClock(DEVICE, time)
    remote = HlcStamp(9_000, 7, "other")
    observed = clock.observe(remote)
    assert observed > remote
    assert (observed.wall_ms, observed.counter) == (9_000, 8)
    assert clock.tick() > observed


def test_remote_stamp_beyond_the_allowed_skew_is_refused_and_leaves_the_clock_alone() -> None:
    time = ManualTime(5_000)
    clock = HybridClock(DEVICE, time, max_skew_ms=1_000)
    before = clock.tick()
    with pytest.raises(ClockSkewError, match="too far in the future"):
        clock.observe(HlcStamp(6_001, 0, "other"))
    assert clock.last == before
    assert clock.observe(HlcStamp(6_000, 0, "other")).wall_ms == 6_000


def test_counter_overflow_moves_to_the_next_millisecond() -> None:
    clock = HybridClock(DEVICE, ManualTime(5_000), last=HlcStamp(5_000, 99_999, DEVICE))
    stamp = clock.tick()
    assert (stamp.wall_ms, stamp.counter) == (5_001, 0)


def test_a_restarted_clock_continues_after_its_stored_last_stamp() -> None:
    last = HlcStamp(8_000, 4, DEVICE)
    clock = HybridClock(DEVICE, ManualTime(1_000), last=last)
    assert clock.tick() > last
