"""Customer passwords: what the shop accepts, and how it keeps them (OWASP ASVS 2.1, 2.4).

A password is at least 12 characters and not one of the passwords every
guessing list starts with. It is kept as werkzeug's current default hash
(scrypt today); a hash made by an older shop is upgraded the next time its
owner logs in. The ``weak-passwords`` fault brings back the old rules: six
characters, no list, a fast PBKDF2 hash.
"""

from __future__ import annotations

from functools import lru_cache

from werkzeug.security import check_password_hash, generate_password_hash

from refshop.errors import ShopError

MIN_LENGTH = 12
MAX_LENGTH = 128  # long passphrases are welcome (ASVS asks for 64 at least)
#: What the shop accepted before (``weak-passwords``): a fast hash, a short minimum.
WEAK_MIN_LENGTH = 6
WEAK_METHOD = "pbkdf2:sha256:20000"

# The long ones that lead every leaked-password list, and the Dutch favourites. Short
# passwords need no list: the length rule refuses them already.
COMMON = frozenset(
    """
    123456789012 1234567890123 12345678901234 123456789123 111111111111 000000000000
    123123123123 121212121212 147258369147 987654321098 password1234 password12345
    passwordpassword password123456 passw0rd1234 p@ssw0rd1234 qwertyuiop12 qwerty123456
    qwertyuiopasdf 1q2w3e4r5t6y 1qaz2wsx3edc qazwsxedcrfv asdfghjkl123 zxcvbnm12345
    iloveyou1234 iloveyou123456 letmein12345 welcome12345 welcome123456 administrator
    admin1234567 abcdefghijkl abc123456789 aaaaaaaaaaaa trustno1trustno1 football1234
    baseball1234 sunshine1234 princess1234 dragon123456 monkey123456 superman1234
    wachtwoord12 wachtwoord123 wachtwoord1234 wachtwoordwachtwoord welkom123456 welkom12345678
    welkomwelkom geheim123456 geheimgeheim voetbal12345 ajax12345678 feyenoord123 amsterdam123
    rotterdam123 nederland123 tulpelectronics tulp12345678
    """.split()
)


def check(password: str, *, weak: bool = False, field: str = "password") -> str:
    """``password`` if the shop accepts it for a new account; else a ShopError saying why.

    Args:
        weak: the ``weak-passwords`` fault: only the old six-character minimum.
    """
    minimum = WEAK_MIN_LENGTH if weak else MIN_LENGTH
    if len(password) < minimum:
        raise ShopError(f"Kies een wachtwoord van minstens {minimum} tekens.", field=field)
    if len(password) > MAX_LENGTH:
        raise ShopError(f"Wachtwoord is te lang (maximaal {MAX_LENGTH} tekens).", field=field)
    if not weak and password.casefold() in COMMON:
        raise ShopError(
            "Dit wachtwoord staat in elke lijst die inbrekers proberen. Kies een ander wachtwoord.",
            field=field,
        )
    return password


def make_hash(password: str, *, weak: bool = False) -> str:
    """The hash to keep: werkzeug's current default method (the fault's fast PBKDF2 when ``weak``)."""
    return generate_password_hash(password, WEAK_METHOD) if weak else generate_password_hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; the same work is done when there is no account,
    so the answer's timing does not tell who has one."""
    if not stored:
        check_password_hash(_dummy_hash(), password)
        return False
    return check_password_hash(stored, password)


def outdated(stored: str) -> bool:
    """Whether ``stored`` was made with another method than today's default (rehash at login)."""
    return stored.split("$", 1)[0] != _dummy_hash().split("$", 1)[0]


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Made once, lazily: a default hash costs a noticeable fraction of a second.
    return generate_password_hash("no account has this password")
