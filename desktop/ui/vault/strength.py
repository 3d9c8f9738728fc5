"""How hard a new passphrase is to guess, for the create-vault and change-passphrase dialogs.

zxcvbn estimates the guesses an attacker needs, knowing dictionaries, names, years,
keyboard patterns and l33t substitutions. Its own 0-4 score is tuned for a web login
that throttles attempts; a vault on a seized laptop is attacked offline, so the bands
here ask for far more guesses. An attacker profiling an advocate also tries the words
of their work first: famous cases and names, and the app's own name, are given to
zxcvbn as known words. The vault itself enforces only the minimum length.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

MIN_LENGTH = 8
CHECKED_LENGTH = 72  # zxcvbn refuses longer input (its time grows fast with length)
# log10(guesses) at which each band starts: weak, fair, good, strong.
BANDS = (0.0, 9.0, 12.0, 15.0)
PROFILE_WORDS = (
    "dossier", "vault", "passphrase", "casefile", "advocate", "lawyer", "court", "complaint",
    "humanrights", "memorial", "magnitsky", "navalny", "politkovskaya", "estemirova",
    "sakharov", "amnesty", "strasbourg", "echr", "prosecutor", "investigator",
    "досье", "адвокат", "правозащитник", "мемориал", "магнитский", "навальный", "жалоба",
    "пароль",
)  # fmt: skip


def strength_score(passphrase: str) -> int:
    """0 (unacceptable) to 4 (strong)."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    result = zxcvbn(passphrase[:CHECKED_LENGTH], user_inputs=list(PROFILE_WORDS))
    if result["score"] == 0:  # a very common password, a repeat or a plain sequence
        return 0
    guesses = float(result["guesses_log10"])
    return sum(1 for start in BANDS if guesses >= start)
