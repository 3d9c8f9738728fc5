"""An export over the size limit becomes a series of bundles, each under the limit.

Generated attachments and a lowered limit (`--max-size 200K`) stand in for 480 MB exhibits
and a 2 GiB limit. Every part is a signed bundle that imports alone and in any order; a
receiver adopts the series' knowledge only with the last part, so a lost part is resent.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from sync_devices import PASSPHRASE, Device, make_device, pair, send

from desktop.cli.main import main
from desktop.services.complaints import Against
from desktop.sync.series import TooLargeToSend

LIMIT = 200 * 1024


def with_exhibits(tmp_path: Path) -> tuple[Device, Device, str]:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case with exhibits")
    person = a.services.people.add_person(case, "official", "Investigator")
    complaint = a.services.complaints.add_complaint(case, against=[Against(person_id=person)])
    for n in range(5):
        exhibit = a.services.sources.add_attachment(case, f"exhibit-{n}.bin", os.urandom(90_000))
        if n == 3:  # a response that refers to an attachment travels with its file
            a.services.complaints.add_response(
                complaint, "2010-01-01", "decision", attachment_id=exhibit
            )
    for n in range(20):
        a.services.timeline.add_event(case, f"2009-{n % 12 + 1:02d}-01", f"Event {n}")
    return a, b, case


def test_a_large_export_splits_into_parts_under_the_limit_importable_in_any_order(
    tmp_path: Path,
) -> None:
    a, b, _case = with_exhibits(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    result = a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT)
    assert len(result.paths) >= 3 and result.blobs == 5
    assert all(path.stat().st_size <= LIMIT for path in result.paths)
    expected = a.export_json()
    for path in reversed(result.paths):
        imported = b.sync.import_bundle(path)
        assert not imported.already_imported
    assert b.export_json() == expected
    send(b, a, stick)  # B acknowledges everything: nothing is carried again
    again = a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT)
    assert (again.versions, again.blobs, len(again.paths)) == (0, 0, 1)
    assert all(s.pending == 0 for s in a.sync.status().peers)


@pytest.mark.parametrize("lost", [0, 1, 2])
def test_a_lost_part_is_sent_again_and_nothing_else_claims_it(tmp_path: Path, lost: int) -> None:
    a, b, _case = with_exhibits(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    paths = a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT).paths
    for n, path in enumerate(paths):
        if n != lost:
            b.sync.import_bundle(path)
    assert b.export_json() != a.export_json()  # something is missing, and B knows it
    send(b, a, stick)
    resent = a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT)
    assert resent.blobs >= 1
    for path in resent.paths:
        b.sync.import_bundle(path)
    assert b.export_json() == a.export_json()


def test_every_order_of_three_parts_converges(tmp_path: Path) -> None:
    a, b, _case = with_exhibits(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    paths = a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT).paths
    expected = a.export_json()
    receivers = [make_device(tmp_path / f"r{i}", f"R{i}") for i in range(2)]
    for r in receivers:
        pair(a, r, tmp_path / "p2")
    full = a.sync.export(stick, max_bytes=LIMIT).paths  # for all three receivers
    for r, order in zip(receivers, itertools.permutations(full), strict=False):
        for path in order:
            r.sync.import_bundle(path)
        assert r.export_json() == expected
    assert len(paths) >= 2


def test_an_attachment_over_the_limit_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case")
    a.services.sources.add_attachment(case, "huge.bin", os.urandom(300_000))
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(TooLargeToSend, match="does not fit in a bundle of at most 200 KiB"):
        a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT)
    assert list(stick.iterdir()) == []
    a.vault.lock()
    secret = tmp_path / "secret"
    secret.write_text(PASSPHRASE + "\n")
    code = main(["--vault", str(tmp_path / "a"), "--passphrase-file", str(secret),
                 "sync", "export", "--to", str(stick), "--max-size", "200K"])  # fmt: skip
    assert code == 1 and list(stick.iterdir()) == []
    b.vault.lock()


def test_many_small_attachments_split_with_their_manifests_under_the_limit(
    tmp_path: Path,
) -> None:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case")
    for n in range(300):
        a.services.sources.add_attachment(case, f"note-{n}.txt", os.urandom(200))
    stick = tmp_path / "stick"
    stick.mkdir()
    limit = 64 * 1024
    result = a.sync.export(stick, peer=b.device_id, max_bytes=limit)
    assert len(result.paths) >= 2
    sizes = [path.stat().st_size for path in result.paths]
    assert max(sizes) <= limit and sum(sizes) > limit
    for path in result.paths:
        b.sync.import_bundle(path)
    assert b.export_json() == a.export_json()
