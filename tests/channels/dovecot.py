"""A real IMAP server for tests: Debian's dovecot in the foreground, on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DOVECOT = "/usr/sbin/dovecot"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = {root}/passwd
}}
userdb {{
  driver = static
  args = uid=nobody gid=nogroup home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


@dataclass
class Dovecot:
    host: str
    port: int
    user: str
    password: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(port: int, process: subprocess.Popen[bytes], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                if conn.recv(64).startswith(b"* OK"):
                    return True
        except OSError:
            pause.wait(0.05)
    return False


@contextmanager
def running_dovecot(user: str = "qa", password: str = "imap-Secret-1") -> Iterator[Dovecot]:
    """Start dovecot as root in a temporary folder; stop and remove it afterwards."""
    if not Path(DOVECOT).is_file():
        raise RuntimeError(
            f"{DOVECOT} is missing: install the IMAP server with `apt-get install dovecot-imapd`"
            " (CI installs it) to run the IMAP tests."
        )
    root = Path(tempfile.mkdtemp(prefix="journeys-dovecot-"))
    root.chmod(0o755)  # the login processes run as dovenull and need to get in
    process = None
    try:
        (root / "mail").mkdir()
        (root / "home").mkdir()
        shutil.chown(root / "mail", "nobody", "nogroup")
        shutil.chown(root / "home", "nobody", "nogroup")
        (root / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
        for _attempt in range(3):  # the free port may be taken between finding and binding it
            port = _free_port()
            (root / "dovecot.conf").write_text(CONFIG.format(root=root, port=port))
            process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            if _answers(port, process, 10):
                break
            process.kill()
            process.wait()
        else:
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            raise RuntimeError(f"dovecot did not start: {log[-500:]}")
        yield Dovecot("127.0.0.1", port, user, password)
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(root, ignore_errors=True)
