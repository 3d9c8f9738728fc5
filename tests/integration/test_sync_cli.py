"""The sync commands end to end: two vaults, a pairing, a bundle, a conflict, through `main`."""

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


def test_pair_export_import_and_resolve_from_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    a_dev, b_dev = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    case = a_dev.services.cases.create_case("Case", summary="base")
    a_dev.vault.lock()
    b_dev.vault.lock()
    a, b = tmp_path / "a", tmp_path / "b"
    shown = run(capsys, a, secret, "device", "show")
    assert "Fingerprint:" in shown
    out = run(capsys, a, secret, "pair", "export", str(tmp_path / "a.pairing"))
    code_a = out.split("Fingerprint: ")[1].splitlines()[0]
    out = run(capsys, b, secret, "pair", "export", str(tmp_path / "b.pairing"))
    code_b = out.split("Fingerprint: ")[1].splitlines()[0]
    bad = main(["--vault", str(b), "--passphrase-file", str(secret), "pair", "import",
                str(tmp_path / "a.pairing"), "--fingerprint", "1234"])  # fmt: skip
    assert bad == 1 and "does not match" in capsys.readouterr().err
    run(capsys, b, secret, "pair", "import", str(tmp_path / "a.pairing"), "--fingerprint", code_a)
    run(capsys, a, secret, "pair", "import", str(tmp_path / "b.pairing"), "--fingerprint", code_b)
    assert "A" in run(capsys, b, secret, "pair", "list")
    stick = tmp_path / "stick"
    stick.mkdir()
    run(capsys, a, secret, "sync", "export", "--to", str(stick))
    assert "1 new" in run(capsys, b, secret, "sync", "import", str(stick))
    assert "already imported" in run(capsys, b, secret, "sync", "import", str(stick))
    assert run(capsys, b, secret, "conflicts", "list").strip() == "No conflicts."
    for folder, words in ((a, "A's words"), (b, "B's words")):
        vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
        Services.over(vault).cases.update_case(case, summary=words)
        vault.lock()
    run(capsys, a, secret, "sync", "export", "--to", str(stick))
    assert "1 in conflict" in run(capsys, b, secret, "sync", "import", str(stick))
    assert "Conflicts to resolve: 1" in run(capsys, b, secret, "sync", "status")
    listed = run(capsys, b, secret, "conflicts", "list")
    line = next(x for x in listed.splitlines() if "A's words" in x)
    label = line.split()[1] if line.split()[0] == "shown" else line.split()[0]
    run(capsys, b, secret, "conflicts", "resolve", case[:8], "--keep", label)
    assert run(capsys, b, secret, "conflicts", "list").strip() == "No conflicts."
    run(capsys, b, secret, "pair", "revoke", "A")
    run(capsys, a, secret, "sync", "export", "--to", str(stick))
    refused = main(["--vault", str(b), "--passphrase-file", str(secret), "sync", "import",
                    str(stick)])  # fmt: skip
    out, err = capsys.readouterr()
    assert refused == 1 and "unpaired device" in err and "unpaired" not in out
    russian = main(["--vault", str(b), "--passphrase-file", str(secret), "--lang", "ru",
                    "sync", "import", str(stick)])  # fmt: skip
    err = capsys.readouterr().err
    assert russian == 1 and ": отклонён: " in err  # each refused bundle, in the language asked
    assert "refused" not in err and "unpaired" not in err
