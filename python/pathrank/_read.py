"""Reads the C API's result handles into the plain objects of _types."""

from __future__ import annotations

import ctypes
from typing import List

from ._native import Terms as CTerms
from ._native import lib, text
from ._types import (ClauseGap, Explanation, GoalService, MemberGap, Plan, PlanStep,
                     Recommendation, TeamMatch, Terms)


def _terms(c: CTerms) -> Terms:
    return Terms(c.coverage, c.relevance, c.unlock, c.foundation, c.sequence, c.effort)


def _explanation(r, i: int) -> Explanation | None:
    contributions = CTerms()
    if not lib.pathrank_ranking_contributions(r, i, ctypes.byref(contributions)):
        return None
    serves = [
        GoalService(
            goal=text(lib.pathrank_ranking_serves_goal(r, i, j)),
            relevance=lib.pathrank_ranking_serves_relevance(r, i, j),
            via=[text(lib.pathrank_ranking_serves_via(r, i, j, v))
                 for v in range(lib.pathrank_ranking_serves_via_count(r, i, j))])
        for j in range(lib.pathrank_ranking_serves_count(r, i))]
    missing = [
        ClauseGap(
            type=text(lib.pathrank_ranking_missing_type(r, i, j)),
            weight=lib.pathrank_ranking_missing_weight(r, i, j),
            satisfaction=lib.pathrank_ranking_missing_satisfaction(r, i, j),
            alternatives=[(text(lib.pathrank_ranking_missing_alternative(r, i, j, a)),
                           lib.pathrank_ranking_missing_alternative_mastery(r, i, j, a))
                          for a in range(lib.pathrank_ranking_missing_alternative_count(r, i, j))])
        for j in range(lib.pathrank_ranking_missing_count(r, i))]
    unlocks = [text(lib.pathrank_ranking_unlock(r, i, j))
               for j in range(lib.pathrank_ranking_unlocks_count(r, i))]
    return Explanation(contributions=_terms(contributions), serves=serves, missing=missing,
                       unlocks=unlocks, reason=text(lib.pathrank_ranking_reason(r, i)))


def ranking(r) -> List[Recommendation]:
    """Every entry of a pathrank_ranking."""
    out = []
    for i in range(lib.pathrank_ranking_count(r)):
        terms = CTerms()
        lib.pathrank_ranking_terms(r, i, ctypes.byref(terms))
        out.append(Recommendation(item=text(lib.pathrank_ranking_item(r, i)),
                                  score=lib.pathrank_ranking_score(r, i),
                                  ready=bool(lib.pathrank_ranking_ready(r, i)),
                                  terms=_terms(terms), explanation=_explanation(r, i)))
    return out


def plan(p) -> Plan:
    """A pathrank_plan."""
    steps = [PlanStep(item=text(lib.pathrank_plan_step_item(p, i)),
                      hours=lib.pathrank_plan_step_hours(p, i),
                      cumulative_hours=lib.pathrank_plan_step_cumulative_hours(p, i),
                      week=lib.pathrank_plan_step_week(p, i),
                      reason=text(lib.pathrank_plan_step_reason(p, i)))
             for i in range(lib.pathrank_plan_step_count(p))]
    return Plan(steps=steps, total_hours=lib.pathrank_plan_total_hours(p),
                weeks=lib.pathrank_plan_weeks(p))


def team(t, member_ids: List[str]) -> List[TeamMatch]:
    """Every candidate of a pathrank_team; `member_ids` in request order."""
    out = []
    for i in range(lib.pathrank_team_count(t)):
        members = [
            MemberGap(member=member_id,
                      coverage=lib.pathrank_team_member_coverage(t, i, m),
                      expert=bool(lib.pathrank_team_member_expert(t, i, m)),
                      hours=lib.pathrank_team_member_hours(t, i, m),
                      steps=[text(lib.pathrank_team_member_step(t, i, m, s))
                             for s in range(lib.pathrank_team_member_step_count(t, i, m))])
            for m, member_id in enumerate(member_ids)]
        out.append(TeamMatch(item=text(lib.pathrank_team_item(t, i)),
                             fit=lib.pathrank_team_fit(t, i),
                             goal_fit=lib.pathrank_team_goal_fit(t, i),
                             team_coverage=lib.pathrank_team_coverage(t, i),
                             experts=lib.pathrank_team_experts(t, i),
                             ramp_up_hours=lib.pathrank_team_ramp_up_hours(t, i),
                             difficulty_gap=lib.pathrank_team_difficulty_gap(t, i),
                             members=members))
    return out
