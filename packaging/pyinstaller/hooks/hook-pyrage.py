"""pyrage (age encryption for sync bundles): a Rust extension whose submodules
(x25519, passphrase, ssh) exist only inside the extension module."""

hiddenimports = ["pyrage.pyrage"]
