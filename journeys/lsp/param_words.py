"""The words a writer may type for each step parameter, in English and Dutch.

The lists are the readers' own tables (:mod:`journeys.vocabulary.params_words`,
:mod:`journeys.vocabulary.fact_words`) narrowed to what the run's systems know: the
facts some touchpoint shows, the channels and segments of the maps, their
touchpoints and their own fact words. Parameters of no kind (a product, a
store, a message) get the values the catalogue's own examples use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from journeys.vocabulary import params
from journeys.vocabulary.fact_words import fact_words, input_words
from journeys.vocabulary.params_words import CHANNEL_WORDS, SEGMENT_WORDS
from journeys.vocabulary.sentences import Sentence

if TYPE_CHECKING:
    from journeys.systems.touchpoint_map import TouchpointMap

__all__ = ["ParameterWords"]

_ARTICLE = re.compile(r"^(the|de|het) ", re.IGNORECASE)


class ParameterWords:
    """Every word for a parameter, per name and language, the usual ones first."""

    def __init__(
        self,
        sentences: Iterable[Sentence],
        known: params.Known,
        maps: Sequence[TouchpointMap],
        examples: Mapping[tuple[str, str], list[str]],
    ) -> None:
        self.known = known
        self.maps = maps
        self.examples: dict[tuple[str, str], list[str]] = {key: list(values) for key, values in examples.items()}
        for sentence in sentences:  # the writer's own values too (amounts, days): the catalogue's examples
            for name, value in (sentence.arguments(sentence.example) or {}).items():
                pool = self.examples.setdefault((name, sentence.language), [])
                if str(value) not in pool:
                    pool.append(str(value))
        self._cache: dict[tuple[str, str], list[str]] = {}

    def of(self, name: str, language: str, *, after_her: bool = False) -> list[str]:
        """The words for parameter ``name`` in ``language``; ``after_her``: a fact after "her"/"haar"
        (no article: "haar bezorgdatum")."""
        key = (name, language)
        if key not in self._cache:
            self._cache[key] = _unique(self._words(name, language))
        found = self._cache[key]
        return _unique(_ARTICLE.sub("", w) for w in found) if after_her else found

    def _words(self, name: str, language: str) -> list[str]:
        kind = params.kind_of(name)
        examples = self.examples.get((name, language)) or self.examples.get((name.removesuffix("_2"), language)) or []
        known = self.known
        if kind == "fact":
            shown = known.facts
            words = [w for fact, ws in fact_words(language).items() if shown is None or fact in shown for w in ws]
            for tmap in self.maps:
                for declared in tmap.facts.values():
                    words += list(declared.nl if language == "nl" else declared.en)
            return words
        if kind == "channel":
            channels = known.channels
            return [
                w
                for channel, by_language in CHANNEL_WORDS.items()
                if channels is None or channel in channels
                for w in by_language[language]
            ]
        if kind == "segment":
            segments = sorted(known.segments or ())
            dutch = [word for word, name in SEGMENT_WORDS.items() if name in segments and " " not in word]
            return [*dutch, *segments] if language == "nl" else segments
        if kind == "what":
            return [w for ws in input_words(language).values() for w in ws]
        if kind == "touchpoint":
            return sorted(known.touchpoints or ())
        return examples


def _unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))
