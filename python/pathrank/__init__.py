"""pathrank: what should I learn next.

Rank the next items for a learner over a catalog of topics joined by weighted
prerequisites, explain every ranking, plan the path to a goal and match a
team to a framework. ctypes over libpathrank's C API (pathrank/c.h).

    import pathrank
    cat = pathrank.Catalog.load("datasets/go-backend/catalog.json")
    for r in cat.recommend(mastery={"go-basic-syntax": 1.0},
                           goals={"microservices": 1.0}, k=5):
        print(r.item, r.score, r.explanation.reason)

Errors raise a subclass of pathrank.Error carrying the engine's message.
"""

from ._catalog import Catalog
from ._errors import (AlreadyExistsError, Error, FailedPreconditionError, InternalError,
                      InvalidArgumentError, NotFoundError, OutOfRangeError, UnavailableError)
from ._native import ABI_VERSION, lib as _lib, library_path
from ._profile import FIELDS as PROFILE_FIELDS
from ._profile import Profile
from ._types import (ClauseGap, Explanation, Goal, GoalService, Item, MemberGap, Plan, PlanStep,
                     Recommendation, TeamMatch, Terms)

__version__ = "0.1.0"
#: The version of the loaded libpathrank.
library_version: str = _lib.pathrank_version().decode("ascii")

__all__ = [
    "ABI_VERSION", "AlreadyExistsError", "Catalog", "ClauseGap", "Error", "Explanation",
    "FailedPreconditionError", "Goal", "GoalService", "InternalError", "InvalidArgumentError",
    "Item", "MemberGap", "NotFoundError", "OutOfRangeError", "PROFILE_FIELDS", "Plan", "PlanStep",
    "Profile", "Recommendation", "TeamMatch", "Terms", "UnavailableError", "library_path",
    "library_version",
]
