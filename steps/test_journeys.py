"""The journey suite: one test per scenario of every feature file under features/."""

import os
from pathlib import Path

from journeys.gherkin.bdd import bind_features

bind_features(globals(), os.environ.get("JOURNEYS_FEATURES") or Path(__file__).parent.parent / "features")
