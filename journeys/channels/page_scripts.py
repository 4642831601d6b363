"""The scripts the browser driver runs in the customer's page, one round trip each.

``READ`` reads every fact of a touchpoint, the page's text (for regex readers)
and the fields the page asks for (the rule is ``page_driver``'s) in one
``page.evaluate``: three separate locator calls cost eight times as much.
``INSTALL`` puts it in every document of her context, so a read sends
``CALL``, a one-line call, not the script. ``FIELDS`` says what each field to
fill is; ``OFFERS`` what she could click instead of a target that is not there.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ASKS_PASSWORD", "CALL", "FIELDS", "INSTALL", "OFFERS", "READ", "SEP", "unfillable"]

SEP = "\x1f"  # unit separator: joins selectors into one string argument

# One round trip: every DOM fact, the page text (for regex readers), the form fields asked for.
# 'waiting' when the touchpoint's ready element is not shown yet (Playwright's wait costs 30-60 ms
# even for an element already there; this check costs nothing).
READ = """
([joined, many, attrs, pageText, shown, ready]) => {
  const selectors = joined ? joined.split('\\u001f') : [], attr_of = attrs ? attrs.split('\\u001f') : [];
  const visible = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  if (ready) {
    let first = null;
    try { first = document.querySelector(ready); } catch (e) { return 'waiting'; }  // a Playwright-only selector
    if (!first || !visible(first)) return 'waiting';
  }
  const text = (el, attr) => {
    // A hidden element has no rendered text: its text content is what the page holds.
    const value = attr ? el.getAttribute(attr) : (visible(el) ? el.innerText : el.textContent);
    return value === null ? null : value.replace(/\\s+/g, ' ').trim();
  };
  const values = [], errors = [];
  selectors.forEach((selector, i) => {
    let found = [];
    // 'visible: false' in the map: hidden elements count too (a closed tab, a collapsed section).
    const any = shown && shown[i] === '0';
    try { found = Array.from(document.querySelectorAll(selector)).filter((el) => any || visible(el)); }
    catch (e) { errors.push([i, String(e.message || e)]); }
    const attr = attr_of[i] || null;
    values.push(many[i] === '1' ? found.map((el) => text(el, attr)) : (found.length ? text(found[0], attr) : null));
  });
  const asked = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    // A page asks for what it requires; optional and read-only fields are offers, not questions,
    // and a text field the page filled in already (what she gave before) asks nothing.
    if (['hidden', 'submit', 'button', 'image', 'reset'].includes(type) || el.disabled || el.readOnly
        || !el.required || !visible(el)) continue;
    if (!['checkbox', 'radio'].includes(type) && el.tagName !== 'SELECT' && el.value) continue;
    const name = el.name || el.id;
    if (name && !asked.includes(name)) asked.push(name);
  }
  return [values, errors, asked, location.href, pageText && document.body ? document.body.innerText : null];
}
"""

# Installed in every document of the customer's context, so a read sends a one-line call, not the script.
INSTALL = "Object.defineProperty(window, '__journeysRead', {value: " + READ.strip() + ", enumerable: false});"
# 'loading' asks the driver to wait for the page's load event first (saves a round trip when loaded).
CALL = (
    "(spec) => document.readyState !== 'complete' ? 'loading'"
    " : window.__journeysRead ? window.__journeysRead(spec) : null"
)

# One round trip to learn what each field to fill is, so a field that cannot be filled fails saying
# why (not on the page, hidden, disabled, read-only) and listing the fields the page has.
FIELDS = """
(names) => {
  const out = {};
  const shown = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const name of names) {
    const all = [...document.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
    const el = all.find(shown) || all[0] || document.querySelector(`[data-testid="${CSS.escape(name)}"]`);
    const type = el ? (el.getAttribute('type') || '').toLowerCase() : '';
    out[name] = el ? {tag: el.tagName.toLowerCase(), type: type,
                      by: el.getAttribute('name') === name ? 'name' : 'testid',
                      hidden: type === 'hidden' || !shown(el),
                      disabled: !!el.disabled || !!el.closest('fieldset:disabled'), readonly: !!el.readOnly} : null;
  }
  out['__all__'] = Array.from(document.querySelectorAll('input[name], select[name], textarea[name]'))
    .filter((el) => el.type !== 'hidden').map((el) => el.name);
  return out;
}
"""

# What a customer could click or read on the page, for the message when a target is not there.
OFFERS = """
() => {
  const shown = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})
    : el.getClientRects().length > 0;
  const label = (el) => (el.tagName === 'INPUT' ? el.value : el.innerText || '').replace(/\\s+/g, ' ').trim();
  const clicks = [], ids = [];
  for (const el of document.querySelectorAll('button, a[href], input[type=submit], [data-testid]')) {
    if (!shown(el)) continue;
    const id = el.getAttribute('data-testid');
    if (id && !ids.includes(id)) ids.push(id);
    if (el.matches('button, a[href], input[type=submit]')) {
      const text = label(el);
      if (text && text.length <= 40 && !clicks.includes(text)) clicks.push(text);
    }
  }
  return [clicks.slice(0, 30), ids.slice(0, 30)];
}
"""


ASKS_PASSWORD = """
() => [...document.querySelectorAll('input[type=password]')].some((el) =>
  el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : el.getClientRects().length > 0)
"""


def unfillable(info: dict[str, Any]) -> str | None:
    """Why a field on the page (as ``FIELDS`` saw it) cannot be filled, or None."""
    if info.get("type") == "hidden":
        return ": it is a hidden input (type=hidden), which the page fills itself"
    if info.get("hidden"):
        return ": it is hidden (not displayed: inside a closed tab or section, or styled away)"
    if info.get("disabled"):
        return ": it is disabled"
    if info.get("readonly") and info.get("tag") != "select":
        return ": it is read-only"
    return None
