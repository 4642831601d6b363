"""A mail's evidence (``.eml``) as a person reads it in Allure: who, what, when, and the text itself.

The ``.eml`` file keeps the mail as it was sent, quoted-printable and all
(``=E2=82=AC 349,00``): right for evidence, unreadable in a report. Allure
shows this instead: the headers a mail client shows, the decoded text part,
and the HTML part on its own, as a mail client would render it.
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

__all__ = ["mail_parts"]

_HEADERS = ("From", "To", "Cc", "Date", "Subject")


def mail_parts(path: Path) -> tuple[str, str | None]:
    """The mail at ``path`` as (headers and decoded text part, HTML part or None).

    A mail without a text part shows the headers and says so; its HTML part carries the text.

    Raises:
        OSError: the file cannot be read.
    """
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)  # policy.default parses into EmailMessage
    headers = [f"{name}: {message[name]}" for name in _HEADERS if message[name] is not None]
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    text = str(plain.get_content()) if plain is not None else "(no text part: see the HTML part)"
    return "\n".join(headers) + "\n\n" + text, str(html.get_content()) if html is not None else None
