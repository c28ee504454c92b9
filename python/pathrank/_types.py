"""The plain objects pathrank returns: frozen dataclasses of str, float, int,
bool, lists and tuples (dataclasses.asdict() turns any of them into JSON-ready
dicts). docs/scoring.md defines every term."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple


@dataclass(frozen=True)
class Item:
    """One catalog item."""

    id: str
    title: str
    kind: str  # "topic", "framework" or "project"
    hours: float


@dataclass(frozen=True)
class Goal:
    """One learner goal of a catalog."""

    id: str
    title: str


@dataclass(frozen=True)
class Terms:
    """The terms of a score, each in [0, 1] (or, as contributions, weighted
    and scaled by 1 - mastery, effort negative)."""

    coverage: float
    relevance: float
    unlock: float
    foundation: float
    sequence: float
    effort: float


@dataclass(frozen=True)
class GoalService:
    """How an item serves a goal: `via` runs from the item to a goal target,
    each a prerequisite of the next."""

    goal: str
    relevance: float
    via: List[str]


@dataclass(frozen=True)
class ClauseGap:
    """A prerequisite clause below full satisfaction, with the learner's
    mastery of each alternative."""

    type: str  # "requires" or "recommends"
    weight: float
    satisfaction: float
    alternatives: List[Tuple[str, float]]


@dataclass(frozen=True)
class Explanation:
    """Why an item ranks where it does."""

    contributions: Terms
    serves: List[GoalService]
    missing: List[ClauseGap]
    unlocks: List[str]
    reason: str  # the same in one line of text


@dataclass(frozen=True)
class Recommendation:
    """One ranked item."""

    item: str
    score: float
    ready: bool  # every `requires` clause is met
    terms: Terms
    explanation: Optional[Explanation] = None


@dataclass(frozen=True)
class PlanStep:
    item: str
    hours: float
    cumulative_hours: float
    week: int  # 1-based week in which the step ends
    reason: str


@dataclass(frozen=True)
class Plan:
    """The ordered path to the learner's goals."""

    steps: List[PlanStep]
    total_hours: float
    weeks: int


@dataclass(frozen=True)
class MemberGap:
    """What one team member needs for a candidate."""

    member: str
    coverage: float
    expert: bool
    hours: float
    steps: List[str]


@dataclass(frozen=True)
class TeamMatch:
    """A candidate (a framework, say) for a team (docs/team.md)."""

    item: str
    fit: float
    goal_fit: float
    team_coverage: float
    experts: int
    ramp_up_hours: float
    difficulty_gap: float
    members: List[MemberGap] = field(default_factory=list)
