"""``journeys lsp``: a language server for CX writers, in their editor, for ``.feature`` files.

Completion of whole sentences in the order the story makes likely, and of each
parameter's words; ``journeys lint``'s findings as the writer types; hover,
quick fixes and go to definition. See docs/editors.md for the editors' setup.

    server.py       pygls wiring: documents, the project, when to lint
    project.py      the project read as ``journeys steps`` and ``lint`` read it, again when it changes
    document.py     a feature text's steps and scenarios, read line by line (half-written is fine)
    story_at.py     what the customer lived before a line; the parameter under the cursor
    param_words.py  the words for each parameter, narrowed to the run's systems
    sentence_offers.py  the sentences offered after what she lived, filled in and ranked
    completion.py   sentences and words; diagnostics.py, hover.py, actions.py, definition.py
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["serve"]


def serve(folder: str | None = None, systems: Sequence[str] = ()) -> None:
    """Serve over stdio until the client says exit; ``folder``: the project (default: the client's workspace)."""
    from journeys.lsp.project import Settings
    from journeys.lsp.server import make_server

    settings = Settings.of(folder, systems) if folder else None
    # Lint runs in a thread beside the answers: hand the interpreter over more often than every 5 ms,
    # so a keystroke's completion does not wait for a long file's lint.
    sys.setswitchinterval(0.001)
    make_server(settings, tuple(systems)).start_io()
