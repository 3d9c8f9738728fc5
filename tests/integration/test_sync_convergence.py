"""Convergence of real vaults: import order and duplicates do not matter, nothing is lost.

The property test drives three paired vaults through random edits and deletes of shared
records and random bundle traffic (bundles lost, delivered twice, out of order, left on the stick by
an export that crashed right after renaming its file). After a
full exchange every vault exports the same JSON, and each record holds exactly the edits
no other edit had seen (the concurrent ones): as its shown value or as conflicts.
Run thousands of examples with HYPOTHESIS_PROFILE=deep (`make test-deep`).
"""

from __future__ import annotations

import itertools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_devices import Device, carry, make_device, pair_all, send

from desktop.errors import KnownError
from desktop.services.sync import SyncService
from desktop.store.models import Case

settings.register_profile(
    "default-sync", max_examples=4, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
settings.register_profile(
    "deep", max_examples=2000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default-sync")
DELETED = "<deleted>"


def test_import_order_does_not_matter_and_importing_twice_equals_once(tmp_path: Path) -> None:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    receivers = [make_device(tmp_path / f"r{i}", f"R{i}") for i in range(3)]
    pair_all([a, b, *receivers], tmp_path / "p")
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case", summary="base")
    send(a, b, stick)
    a.services.cases.update_case(case, summary="A1")
    a1 = a.sync.export(stick).path  # for everyone A is paired with
    b.services.cases.update_case(case, summary="B1")
    b.services.timeline.add_event(case, "2009", "Event from B")
    b1 = b.sync.export(stick).path
    a.services.cases.update_case(case, status="closed")
    a2 = a.sync.export(stick).path
    orders = [[a1, a2, b1], [b1, a2, a1], [a2, b1, a1, a1, b1]]
    for receiver, order in zip(receivers, orders, strict=True):
        for path in order:
            receiver.sync.import_bundle(path)
    exports = [r.export_json() for r in receivers]
    assert exports[0] == exports[1] == exports[2]
    assert len(receivers[0].conflicts.list_conflicts()) == 1
    again = receivers[0].sync.import_bundle(b1)
    assert again.already_imported and receivers[0].export_json() == exports[0]


# ---- the property test -------------------------------------------------------------------
@dataclass
class Model:
    """What each device has seen of each record's edits, as sets of edit values."""

    seen: list[list[set[str]]]
    history: dict[str, set[str]] = field(default_factory=dict)  # edit -> edits it had seen

    def edit(self, device: int, record: int, value: str) -> None:
        self.history[value] = set(self.seen[device][record])
        self.seen[device][record].add(value)

    def maximal(self, record: int) -> set[str]:
        edits = set().union(*(s[record] for s in self.seen))
        covered = set().union(*(self.history[e] for e in edits))
        return edits - covered


def values_of(d: Device, case_id: str) -> set[str]:
    for conflict in d.conflicts.list_conflicts():
        if conflict.record_id == case_id:
            return {DELETED if v.deleted else v.values["summary"] for v in conflict.versions}
    with d.services.store.reading() as s:
        row = s.execute(select(Case).where(Case.id == case_id)).scalar_one()
        return {DELETED if row.deleted else row.summary}


Step = tuple[str, int, int, int]
steps = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 1), st.just(0)),
        st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 1), st.just(0)),
        st.tuples(st.just("export"), st.integers(0, 2), st.integers(1, 2), st.just(0)),
        st.tuples(st.just("crashed-export"), st.integers(0, 2), st.integers(1, 2), st.just(0)),
        st.tuples(st.just("deliver"), st.integers(0, 40), st.just(0), st.just(0)),
    ),
    min_size=1,
    max_size=14,
)


class PowerCut(BaseException):
    """Stands for the process dying: nothing after the crash point runs, nothing commits."""


def cut_power_after_rename(step: str) -> None:
    if step == "export:after-rename":
        raise PowerCut(step)


def crashed_export(a: Device, b: Device, stick: Path) -> Path:
    """An export that dies right after its bundle was renamed into place (not fsynced, not
    read back, its receipts never committed); returns the bundle it left on the stick."""
    stick.mkdir(parents=True, exist_ok=True)
    before = set(stick.iterdir())
    with pytest.raises(PowerCut):
        SyncService(a.services.store, step=cut_power_after_rename).export(stick, peer=b.device_id)
    (path,) = set(stick.iterdir()) - before
    return path


HOUR_MS = 3_600_000
skews = st.lists(st.integers(-HOUR_MS, HOUR_MS), min_size=3, max_size=3)


def run_scenario(root: Path, script: list[Step], skew_ms: list[int]) -> None:
    """Clocks skewed by up to an hour each way: the HLC orders display, never causality."""
    devices = [
        make_device(root / name, name, skew)
        for name, skew in zip(("A", "B", "C"), skew_ms, strict=True)
    ]
    pair_all(devices, root / "pairing")
    stick = root / "stick"
    cases = [devices[0].services.cases.create_case(f"Case {i}", summary=f"base{i}") for i in (0, 1)]
    model = Model(seen=[[set(), set()] for _ in devices])
    for i in (0, 1):
        model.edit(0, i, f"base{i}")
    for other in (1, 2):
        send(devices[0], devices[other], stick)
        for i in (0, 1):
            model.seen[other][i] |= model.seen[0][i]
    bundles: list[tuple[Path, int, list[set[str]]]] = []
    counter = itertools.count()
    for kind, who, arg, _ in script:
        if kind in ("edit", "delete"):
            d = devices[who]
            value = f"{kind}-{next(counter)}" if kind == "edit" else f"{DELETED}#{next(counter)}"
            try:
                if kind == "edit":
                    d.services.cases.update_case(cases[arg], summary=value)
                else:
                    d.services.cases.delete_case(cases[arg])
            except KnownError:  # deleted on this device: nothing to edit
                continue
            model.edit(who, arg, value)
        elif kind in ("export", "crashed-export"):
            target = devices[(who + arg) % 3]
            if kind == "export":
                path = carry(devices[who], target, stick)
            else:
                path = crashed_export(devices[who], target, stick)
            bundles.append((path, (who + arg) % 3, [set(s) for s in model.seen[who]]))
        elif bundles:
            path, to, snapshot = bundles[who % len(bundles)]
            devices[to].sync.import_bundle(path)
            for i in (0, 1):
                model.seen[to][i] |= snapshot[i]
    for _ in range(2):  # full exchange: every pair, both ways
        for x, y in itertools.permutations(range(3), 2):
            send(devices[x], devices[y], stick)
    first = devices[0].export_json()
    assert all(d.export_json() == first for d in devices[1:])
    for i, case_id in enumerate(cases):
        expected = {DELETED if e.startswith(DELETED) else e for e in model.maximal(i)}
        assert values_of(devices[0], case_id) == expected
    for d in devices:
        d.vault.lock()


@settings(settings.get_profile(PROFILE))
@given(script=steps, skew_ms=skews)
@example(  # used to lose A's edit: B takes the orphan bundle, A edits, B acknowledges to A
    script=[("crashed-export", 0, 1, 0), ("deliver", 0, 0, 0), ("edit", 0, 0, 0),
            ("export", 1, 2, 0), ("deliver", 1, 0, 0)],
    skew_ms=[0, 0, 0],
)  # fmt: skip
def test_three_devices_converge_and_keep_every_concurrent_edit(
    script: list[Step], skew_ms: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run_scenario(Path(folder), script, skew_ms)


@pytest.mark.deep
@settings(settings.get_profile("deep"))
@given(script=steps, skew_ms=skews)
def test_three_devices_converge_deep(script: list[Step], skew_ms: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        run_scenario(Path(folder), script, skew_ms)
