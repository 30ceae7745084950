"""Clean what the candidate types before it is shown or stored.

A paste can carry terminal escape sequences (``\\x1b[31m``), bell and other
control characters, or bidirectional overrides. Drawn on a terminal they move
the cursor and scramble the screen; stored, they corrupt the transcript. They
are removed here, once, where input enters the dialog. Everything else the
candidate wrote is kept as it was: letters, punctuation, emoji, tabs and line
breaks (carriage returns, vertical tabs, form feeds and Unicode line
separators become plain line breaks).
"""

from __future__ import annotations

import re

__all__ = ["sanitize"]

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \),
# other two-character escapes; and the single-byte C1 forms of CSI and OSC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[!-/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 controls but tab and newline, DEL, C1 controls, bidirectional controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]")


def sanitize(text: str) -> str:
    """``text`` without escape sequences and control characters, line breaks normalised.

    >>> sanitize("ok\\x1b[31m red\\x07\\r\\nnext")
    'ok red\\nnext'
    """
    if not isinstance(text, str):
        return ""
    text = _ESCAPES.sub("", text)
    text = _BREAKS.sub("\n", text)
    return _CONTROLS.sub("", text)
