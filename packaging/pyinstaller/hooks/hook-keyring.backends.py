"""keyring finds its back ends through entry points (group keyring.backends).

PyInstaller's keyring hook copies keyring's metadata and its back-end modules; this hook
adds the third-party pieces the Linux back end needs when its import is attempted lazily
(Secret Service over D-Bus through jeepney) and keeps the metadata of jaraco packages
that keyring reads at import time.
"""

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

hiddenimports = [
    *collect_submodules("keyring.backends"),
    *collect_submodules("secretstorage"),
    *collect_submodules("jeepney"),
]
datas = copy_metadata("keyring")
