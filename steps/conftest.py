"""Makes the bundled steps visible to the journey suite in this folder."""

from steps.assertions import *  # noqa: F401,F403
from steps.customer import *  # noqa: F401,F403
from steps.ordering import *  # noqa: F401,F403
