"""The built-in personas of synthetic customers: ages, where they live, what interests them.

A segment of a map's own (``segments: {guest: family}``) borrows one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SEGMENTS", "Segment"]


@dataclass(frozen=True)
class Segment:
    """A kind of customer: the ages, where they live, what they are interested in."""

    name: str
    ages: tuple[int, int]
    interests: tuple[str, ...]
    cities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per locale; none: Faker's
    street_style: str = "home"  # home, room (student housing), office


SEGMENTS: dict[str, Segment] = {
    "student": Segment(
        "student",
        (18, 24),
        ("laptops", "headphones", "games", "budget deals"),
        {
            "nl_NL": (
                "Utrecht",
                "Groningen",
                "Leiden",
                "Delft",
                "Nijmegen",
                "Enschede",
                "Maastricht",
            ),
            "en_GB": ("Oxford", "Cambridge", "Manchester", "Leeds", "Bristol", "Edinburgh"),
        },
        "room",
    ),
    "young-professional": Segment(
        "young-professional",
        (24, 34),
        ("smartphones", "smart home", "headphones", "fitness"),
        {
            "nl_NL": ("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"),
            "en_GB": ("London", "Manchester", "Birmingham", "Glasgow"),
        },
    ),
    "family": Segment("family", (30, 50), ("tablets", "kids", "household", "games")),
    "senior": Segment("senior", (65, 85), ("tablets", "easy-to-use phones", "hearing", "setup service")),
    "business": Segment(
        "business",
        (28, 60),
        ("laptops", "monitors", "accessories", "invoices"),
        {
            "nl_NL": ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Zwolle"),
            "en_GB": ("London", "Reading", "Milton Keynes", "Leeds"),
        },
        "office",
    ),
}
"""The built-in personas, by segment name: student, young-professional, family, senior, business.

A map's ``segments:`` names the segments of its system and which persona
customers of each get (``{guest: family}``); a plain list names personas."""
