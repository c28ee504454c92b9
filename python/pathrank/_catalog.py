"""pathrank.Catalog: a loaded catalog and every question asked of it."""

from __future__ import annotations

import contextlib
import ctypes
import os
from ctypes import POINTER, c_double, c_int32
from typing import Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _read
from ._errors import InvalidArgumentError
from ._native import TeamMember, call, doubles, lib, strings, text
from ._profile import Profile
from ._types import Goal, Item, Plan, Recommendation, TeamMatch

try:  # NumPy is optional; recommend_batch returns arrays when it is there.
    import numpy as _np
except ImportError:  # pragma: no cover - exercised only without NumPy
    _np = None

ProfileLike = Union[Profile, str, None]

_EXPLAIN, _INCLUDE_BLOCKED = 1, 2


def _profile_handle(profile: ProfileLike) -> Tuple[Optional[Profile], Optional[ctypes.c_void_p]]:
    """(the Profile, its handle); None = the default profile. Callers keep
    the Profile in a local for the whole call, so that a profile made here
    from a name outlives the C call using its handle."""
    if profile is None:
        return None, None
    if isinstance(profile, str):
        profile = Profile(profile)
    return profile, profile._handle


class Catalog:
    """A validated, immutable catalog with its scorer. Load one with
    Catalog.load(path) or Catalog.from_json(text). Every method may be called
    from any number of threads at once."""

    def __init__(self, handle: ctypes.c_void_p) -> None:
        """Internal: use Catalog.load or Catalog.from_json."""
        self._handle = handle
        count = lib.pathrank_catalog_item_count(handle)
        self.items: List[Item] = [
            Item(id=text(lib.pathrank_catalog_item_id(handle, i)),
                 title=text(lib.pathrank_catalog_item_title(handle, i)),
                 kind=text(lib.pathrank_catalog_item_kind(handle, i)),
                 hours=lib.pathrank_catalog_item_hours(handle, i)) for i in range(count)]
        self.goals: List[Goal] = [
            Goal(id=text(lib.pathrank_catalog_goal_id(handle, g)),
                 title=text(lib.pathrank_catalog_goal_title(handle, g)))
            for g in range(lib.pathrank_catalog_goal_count(handle))]
        self.item_ids: List[str] = [item.id for item in self.items]

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "Catalog":
        """Loads a `pathrank.catalog/v1` file. Raises UnavailableError when it
        cannot be read, InvalidArgumentError (naming the JSON pointer) when it
        is not a valid catalog."""
        handle = ctypes.c_void_p()
        call(lib.pathrank_catalog_load_file, os.fsencode(path), ctypes.byref(handle))
        return cls(handle)

    @classmethod
    def from_json(cls, document: Union[str, bytes]) -> "Catalog":
        """Loads a catalog from a `pathrank.catalog/v1` document."""
        data = document.encode("utf-8") if isinstance(document, str) else document
        handle = ctypes.c_void_p()
        call(lib.pathrank_catalog_load_json, data, len(data), ctypes.byref(handle))
        return cls(handle)

    @property
    def id(self) -> str:
        """The catalog's id (its document's "id")."""
        return text(lib.pathrank_catalog_id(self._handle))

    @property
    def title(self) -> str:
        """The catalog's human name."""
        return text(lib.pathrank_catalog_title(self._handle))

    def __len__(self) -> int:
        """The number of items."""
        return len(self.items)

    def __repr__(self) -> str:
        return f"<pathrank.Catalog {self.id!r}: {len(self.items)} items, {len(self.goals)} goals>"

    @contextlib.contextmanager
    def _learner(self, mastery: Optional[Mapping[str, float]],
                 goals: Optional[Mapping[str, float]]) -> Iterator[ctypes.c_void_p]:
        mastery, goals = dict(mastery or {}), dict(goals or {})
        handle = ctypes.c_void_p()
        call(lib.pathrank_learner_create, self._handle, strings(list(mastery)),
             doubles(mastery.values()), len(mastery), strings(list(goals)),
             doubles(goals.values()), len(goals), ctypes.byref(handle))
        try:
            yield handle
        finally:
            lib.pathrank_learner_free(handle)

    def recommend(self, mastery: Optional[Mapping[str, float]] = None,
                  goals: Optional[Mapping[str, float]] = None, k: int = 10, *,
                  explain: bool = True, include_blocked: bool = False,
                  kind: Optional[str] = None, profile: ProfileLike = None) -> List[Recommendation]:
        """The `k` best next items for a learner, best first.

        mastery: item id -> mastery in [0, 1] (items not named are 0).
        goals: goal id -> weight in (0, 100].
        explain: attach an Explanation to each (why it ranks, what it serves,
        unlocks and still misses). include_blocked: also rank items whose
        `requires` clauses are unmet. kind: only "topic", "framework" or
        "project". profile: a Profile, a built-in profile's name, or None.
        Raises InvalidArgumentError naming each bad id or value
        ("/mastery/<id>", "/goals/<id>"), or k < 1."""
        flags = (_EXPLAIN if explain else 0) | (_INCLUDE_BLOCKED if include_blocked else 0)
        _keep, profile_handle = _profile_handle(profile)
        if k < 1:
            raise InvalidArgumentError("k: must be at least 1")
        with self._learner(mastery, goals) as learner:
            ranking = ctypes.c_void_p()
            call(lib.pathrank_recommend, self._handle, profile_handle, learner, k,
                 None if kind is None else kind.encode("utf-8"), flags, ctypes.byref(ranking))
        try:
            return _read.ranking(ranking)
        finally:
            lib.pathrank_ranking_free(ranking)

    def plan_path(self, mastery: Optional[Mapping[str, float]] = None,
                  goals: Optional[Mapping[str, float]] = None, hours_per_week: float = 10, *,
                  profile: ProfileLike = None) -> Plan:
        """The ordered path from a learner's state to its goals, with the week
        each step ends in at `hours_per_week` (in (0, 168]). Raises
        InvalidArgumentError when there is no goal or the budget is out of
        range."""
        _keep, profile_handle = _profile_handle(profile)
        with self._learner(mastery, goals) as learner:
            plan = ctypes.c_void_p()
            call(lib.pathrank_plan_path, self._handle, profile_handle, learner,
                 float(hours_per_week), ctypes.byref(plan))
        try:
            return _read.plan(plan)
        finally:
            lib.pathrank_plan_free(plan)

    def match_team(self, members: Mapping[str, Mapping[str, float]],
                   goals: Optional[Mapping[str, float]] = None, *, kind: Optional[str] = "framework",
                   type: Optional[str] = None, k: int = 5,
                   profile: ProfileLike = None) -> List[TeamMatch]:
        """Which candidate (by default a framework; kind=None for any item)
        fits a team and its goals, and what each member must learn for it.

        members: member id -> {item id: mastery}. type: only candidates whose
        "type" attribute is this (e.g. "Web Framework"). docs/team.md defines
        the fit. Raises InvalidArgumentError naming the field
        ("/members/2/mastery/x", "/goals/y", "/type")."""
        _keep, profile_handle = _profile_handle(profile)
        ids = list(members)
        arrays = [(strings(list(m)), doubles(m.values())) for m in members.values()]
        c_members = (TeamMember * len(ids))(*[
            TeamMember(member_id.encode("utf-8"), names, values, len(names))
            for member_id, (names, values) in zip(ids, arrays)])
        goals = dict(goals or {})
        team = ctypes.c_void_p()
        call(lib.pathrank_team_match, self._handle, profile_handle, c_members, len(ids),
             strings(list(goals)), doubles(goals.values()), len(goals),
             None if kind is None else kind.encode("utf-8"),
             None if type is None else type.encode("utf-8"), k, ctypes.byref(team))
        try:
            return _read.team(team, ids)
        finally:
            lib.pathrank_team_free(team)

    def recommend_batch(self, mastery, goals=None, k: int = 10, *,
                        include_blocked: bool = False, profile: ProfileLike = None,
                        threads: int = 1):
        """Ranks many learners in one call (no explanations): exactly what
        recommend() gives each.

        mastery: a learners x items array (NumPy array or nested sequences),
        columns in `item_ids` order. goals: {goal id: weight} for every
        learner, a learners x goals array (columns in `goals` order, 0 = not
        a goal), or None. Returns (items, scores), each learners x k: indexes
        into `items` (-1 pads a learner with fewer rankable items) and their
        scores (NaN pads); NumPy arrays when NumPy is installed, else lists."""
        _keep, profile_handle = _profile_handle(profile)
        n_items, n_goals = len(self.items), len(self.goals)
        m = _matrix(mastery, n_items, "mastery")
        learners = len(m) if _np is None else m.shape[0]
        g = None if goals is None else _matrix(self._goal_rows(goals, learners), n_goals, "goals")
        if k < 1:
            raise InvalidArgumentError("k: must be at least 1")
        if _np is not None:
            items = _np.empty((learners, k), dtype=_np.int32)
            scores = _np.empty((learners, k), dtype=_np.float64)
            pointers = (_ptr(m, c_double), None if g is None else _ptr(g, c_double),
                        _ptr(items, c_int32), _ptr(scores, c_double))
        else:
            items, scores = (c_int32 * (learners * k))(), (c_double * (learners * k))()
            pointers = (_flat(m), None if g is None else _flat(g), items, scores)
        call(lib.pathrank_recommend_batch, self._handle, profile_handle, pointers[0], pointers[1],
             learners, k, _INCLUDE_BLOCKED if include_blocked else 0, threads, pointers[2],
             pointers[3])
        if _np is not None:
            return items, scores
        return ([list(items[r * k:(r + 1) * k]) for r in range(learners)],
                [list(scores[r * k:(r + 1) * k]) for r in range(learners)])

    def _goal_rows(self, goals, learners: int):
        if not isinstance(goals, Mapping):
            return goals
        row = [0.0] * len(self.goals)
        for goal_id, weight in goals.items():
            index = lib.pathrank_catalog_find_goal(self._handle, goal_id.encode("utf-8"))
            if index < 0:
                raise InvalidArgumentError(f"/goals/{goal_id}: unknown goal in catalog {self.id}")
            row[index] = float(weight)
        return [row] * learners

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value and lib is not None:
            lib.pathrank_catalog_free(handle)
            self._handle = None


def _matrix(values, columns: int, what: str):
    """`values` as a C-contiguous float64 matrix (NumPy) or list of rows,
    checked to have `columns` columns."""
    if _np is not None:
        array = _np.ascontiguousarray(values, dtype=_np.float64)
        if array.ndim != 2 or array.shape[1] != columns:
            raise InvalidArgumentError(f"{what}: expected a learners x {columns} array, "
                                       f"got shape {array.shape}")
        return array
    rows = [list(map(float, row)) for row in values]
    for r, row in enumerate(rows):
        if len(row) != columns:
            raise InvalidArgumentError(f"{what}: row {r} has {len(row)} values, not {columns}")
    return rows


def _ptr(array, ctype):
    return array.ctypes.data_as(POINTER(ctype))


def _flat(rows: Sequence[Sequence[float]]):
    flat = [v for row in rows for v in row]
    return (c_double * len(flat))(*flat)
