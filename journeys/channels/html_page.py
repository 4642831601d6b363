"""A page's HTML as a browser without JavaScript sees it: its text, what is shown, what it asks.

The browserless driver (``http_web``) reads the server's HTML with
selectolax's Lexbor parser. Visibility is judged from the markup alone
(``hidden``, inline ``display:none``), not from CSS; text is laid out as a
browser's ``innerText`` roughly lays it out; the fields a page asks for
follow the rule of ``page_driver``, as the browser's read script does.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

__all__ = ["asked_by", "form_of", "inner_text", "label_of", "matches", "offered", "shown", "squash", "value_of"]

_BLOCK = frozenset("p div dl dt dd li ul ol tr table section article header footer main nav h1 h2 h3 h4 form".split())
_UNSEEN = frozenset(("script", "style", "template", "noscript", "head"))
_NOT_ASKED = frozenset(("hidden", "submit", "button", "image", "reset"))


def inner_text(node: LexborNode) -> str:
    """The node's text as a browser's ``innerText`` roughly shows it: blocks on lines of their own."""
    parts: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag == "br":
            parts.append("\n")
        elif child.is_element_node and child.tag not in _UNSEEN and shown(child, up=False):
            block = child.tag in _BLOCK
            parts += ["\n" if block else "", inner_text(child), "\n" if block else ""]
    return "".join(parts)


def shown(node: LexborNode, *, up: bool = True) -> bool:
    """Whether markup alone hides ``node`` (or, with ``up``, one of its ancestors)."""
    current: LexborNode | None = node
    while current is not None and current.is_element_node:
        attrs = current.attributes
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if "hidden" in attrs or "display:none" in style or "visibility:hidden" in style or current.tag in _UNSEEN:
            return False
        if not up:
            return True
        current = current.parent
    return True


def squash(text: str) -> str:
    """``text`` with its runs of white space made one space, as a reader sees it."""
    return " ".join(text.split())


def matches(tree: LexborHTMLParser, selector: str) -> bool:
    """Whether the page shows an element of ``selector`` (a Playwright-only selector: yes)."""
    try:
        return any(shown(n) for n in tree.css(selector))
    except SelectolaxError:
        return True  # a Playwright-only `ready:` selector: the server's HTML is complete anyway


def asked_by(tree: LexborHTMLParser) -> list[str]:
    """The fields the page requires (hidden, optional and read-only ones are offers, not questions)."""
    asked: list[str] = []
    for el in tree.css("input, select, textarea"):
        attrs = el.attributes
        kind = (attrs.get("type") or "").lower()
        if kind in _NOT_ASKED or "required" not in attrs:
            continue
        if "disabled" in attrs or "readonly" in attrs or not shown(el):
            continue
        filled = inner_text(el).strip() if el.tag == "textarea" else (attrs.get("value") or "")
        if el.tag != "select" and kind not in ("checkbox", "radio") and filled:
            continue  # the page filled it in already (what she gave before): it asks nothing
        name = attrs.get("name") or attrs.get("id")
        if name and name not in asked:
            asked.append(name)
    return asked


def value_of(node: LexborNode, attr: str | None) -> str | None:
    """A reader's raw text of ``node``: its attribute ``attr`` (None when it has none), else its text."""
    if attr:
        value = node.attributes.get(attr)
        return None if value is None and attr not in node.attributes else squash(value or "")
    return squash(inner_text(node))


def label_of(node: LexborNode) -> str:
    """What a button or link says (a submit input: its value)."""
    return squash(node.attributes.get("value") or "" if node.tag == "input" else inner_text(node))


def offered(tree: LexborHTMLParser) -> tuple[list[str], list[str]]:
    """What the page offers to click and the test ids it shows (as the browser's script lists them)."""
    clicks = [label_of(n) for n in tree.css("button, a[href], input[type=submit]") if shown(n)]
    testids = [n.attributes.get("data-testid") or "" for n in tree.css("[data-testid]") if shown(n)]
    short = [text for text in dict.fromkeys(clicks) if text and len(text) <= 40]
    return short[:30], [t for t in dict.fromkeys(testids) if t][:30]


def form_of(node: LexborNode) -> LexborNode | None:
    """The form ``node`` is in, if any."""
    current = node.parent
    while current is not None and current.is_element_node:
        if current.tag == "form":
            return current
        current = current.parent
    return None
