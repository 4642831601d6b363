"""Makes the bundled steps visible to the journey suite in this folder."""

from steps.account import *  # noqa: F401,F403
from steps.assertions import *  # noqa: F401,F403
from steps.clock import *  # noqa: F401,F403
from steps.customer import *  # noqa: F401,F403
from steps.ordering import *  # noqa: F401,F403
from steps.returns import *  # noqa: F401,F403
from steps.service import *  # noqa: F401,F403
