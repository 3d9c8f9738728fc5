"""Device names from the terminal: `device rename`, `pair export --name`, `--peer NAME`,
and the names in `pair list`, `sync status` and `conflicts list`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_devices import PASSPHRASE, make_device

from desktop.cli.main import main
from desktop.services.registry import Services
from desktop.store.vault import Vault


def run(capsys: pytest.CaptureFixture[str], vault: Path, secret: Path, *args: str) -> str:
    code = main(["--vault", str(vault), "--passphrase-file", str(secret), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_names_are_set_travel_and_show_in_every_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    a_dev, b_dev = make_device(tmp_path / "a", "vm"), make_device(tmp_path / "b", "vm")
    case = a_dev.services.cases.create_case("Case", summary="base")
    a_dev.vault.lock()
    b_dev.vault.lock()
    a, b = tmp_path / "a", tmp_path / "b"
    out = run(capsys, a, secret, "device", "rename", "Office PC")
    assert "now named Office PC" in out
    assert "Device:      Office PC" in run(capsys, a, secret, "device", "show")
    out = run(capsys, b, secret, "pair", "export", str(tmp_path / "b.pairing"), "--name", "Anna")
    code_b = out.split("Fingerprint: ")[1].splitlines()[0]
    out = run(capsys, a, secret, "pair", "export", str(tmp_path / "a.pairing"))
    code_a = out.split("Fingerprint: ")[1].splitlines()[0]
    run(capsys, b, secret, "pair", "import", str(tmp_path / "a.pairing"), "--fingerprint", code_a)
    run(capsys, a, secret, "pair", "import", str(tmp_path / "b.pairing"), "--fingerprint", code_b)
    assert "Anna" in run(capsys, a, secret, "pair", "list")
    assert "Office PC" in run(capsys, b, secret, "pair", "list")
    stick = tmp_path / "stick"
    stick.mkdir()
    assert "for Anna" in run(capsys, a, secret, "sync", "export", "--to", str(stick),
                             "--peer", "anna")  # fmt: skip
    assert "from Office PC" in run(capsys, b, secret, "sync", "import", str(stick))
    # Renamed after pairing: the peer learns it from the next bundle.
    run(capsys, a, secret, "device", "rename", "Front desk")
    for folder, words in ((a, "A's words"), (b, "B's words")):
        vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
        Services.over(vault).cases.update_case(case, summary=words)
        vault.lock()
    run(capsys, a, secret, "sync", "export", "--to", str(stick), "--peer", "Anna")
    assert "from Front desk" in run(capsys, b, secret, "sync", "import", str(stick))
    assert "Front desk" in run(capsys, b, secret, "sync", "status")
    listed = run(capsys, b, secret, "conflicts", "list")
    assert "edited on Front desk" in listed and "edited on Anna" in listed
    missing = main(["--vault", str(a), "--passphrase-file", str(secret), "sync", "export",
                    "--to", str(stick), "--peer", "Bob"])  # fmt: skip
    assert missing == 1 and "No paired device matches" in capsys.readouterr().err
