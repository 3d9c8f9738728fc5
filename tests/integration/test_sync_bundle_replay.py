"""Every file in tests/data/bad-bundles is refused with its recorded message.

The committed files are replayed, and so is a fresh set from the generator, so that the
generator keeps working and the committed files keep meaning what expected.json says.
"""

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desktop.sync.bundle import BundleRejected, Reason, list_bundles, open_bundle
from desktop.sync.identity import DeviceIdentity

FOLDER = Path(__file__).resolve().parents[1] / "data" / "bad-bundles"
EXPECTED = json.loads((FOLDER / "expected.json").read_text())


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_bad_bundles", FOLDER / "make_bad_bundles.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def settings(folder: Path) -> dict[str, Any]:
    keys = json.loads((folder / "keys.json").read_text())
    identities = {
        role: DeviceIdentity.from_private_json(json.dumps(data))
        for role, data in keys["identities"].items()
    }
    return {
        "me": identities["reader"],
        "known_senders": {identities[r].device_id: identities[r].public() for r in keys["paired"]},
        "revoked": {identities[r].device_id for r in keys["revoked"]},
        "supported_schema": keys["supported_schema"],
        "max_bytes": keys["max_bytes"],
    }


def replay(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text())
    options = settings(folder)
    verified = open_bundle(folder / expected["good"], **options)
    assert verified.manifest.record_count == 1
    assert len(expected["rejected"]) >= 30
    for name, outcome in expected["rejected"].items():
        with pytest.raises(BundleRejected) as caught:
            open_bundle(folder / name, **options)
        assert (name, str(caught.value)) == (name, outcome["message"])
        assert caught.value.reason is Reason(outcome["reason"]), name


def test_committed_bad_bundles_are_each_refused_with_their_message() -> None:
    on_disk = {p.name for p in FOLDER.iterdir() if p.name.endswith((".dossier", ".partial"))}
    assert on_disk == set(EXPECTED["rejected"]) | {EXPECTED["good"]}
    replay(FOLDER)


def test_freshly_generated_bad_bundles_are_refused_the_same_way(tmp_path: Path) -> None:
    load_generator().generate(tmp_path)
    fresh = json.loads((tmp_path / "expected.json").read_text())
    assert fresh["rejected"] == EXPECTED["rejected"]
    replay(tmp_path)


def test_folder_listing_offers_every_finished_bundle_for_this_device(tmp_path: Path) -> None:
    for item in FOLDER.iterdir():
        shutil.copy(item, tmp_path / item.name)
    options = settings(tmp_path)
    listed = {p.name for p in list_bundles(tmp_path, options["me"])}
    # Found by content, whatever the name: every finished bundle whose header opens with
    # this device's key (or cannot be read: the import then says what is wrong), so that
    # damaged ones are reported rather than skipped. Not the one for another device, not
    # the unfinished one, not the other files.
    bundles = {n for n in EXPECTED["rejected"] if n.endswith(".dossier")} | {EXPECTED["good"]}
    assert listed == bundles - {"wrong-recipient.dossier"}
