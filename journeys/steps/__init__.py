"""The bundled step library, English and Dutch: thin sentences over the journeys library.

Importing this package registers every step with the vocabulary catalogue
(``journeys steps``, the scenario runner) and with pytest-bdd: a project that
binds its features with pytest-bdd itself lists ``pytest_plugins =
["journeys.steps"]`` in its conftest.py.
"""

# The star imports carry the step fixtures pytest-bdd made in each module up here.
from journeys.steps.assertions import *  # noqa: F403
from journeys.steps.cancelling import *  # noqa: F403
from journeys.steps.click_collect import *  # noqa: F403
from journeys.steps.contact import *  # noqa: F403
from journeys.steps.days import *  # noqa: F403
from journeys.steps.discounts import *  # noqa: F403
from journeys.steps.ordering import *  # noqa: F403
from journeys.steps.parcels import *  # noqa: F403
from journeys.steps.phone import *  # noqa: F403
from journeys.steps.privacy import *  # noqa: F403
from journeys.steps.refused_returns import *  # noqa: F403
from journeys.steps.returns import *  # noqa: F403
from journeys.steps.security import *  # noqa: F403
from journeys.steps.service import *  # noqa: F403
from journeys.steps.store import *  # noqa: F403
from journeys.steps.who_she_is import *  # noqa: F403
