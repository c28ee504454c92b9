"""recommend, plan_path, match_team and recommend_batch over the Go catalog."""

import dataclasses
import json
import math

import pytest

import pathrank


def test_recommend_returns_explained_plain_objects(go, beginner):
    mastery, goals = beginner
    recs = go.recommend(mastery=mastery, goals=goals, k=5)
    assert len(recs) == 5
    assert [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)
    ids = set(go.item_ids)
    for r in recs:
        assert isinstance(r, pathrank.Recommendation)
        assert r.item in ids and r.item not in mastery or mastery[r.item] < 0.8
        assert r.ready
        assert 0 <= r.terms.coverage <= 1
        e = r.explanation
        assert e is not None and e.reason
        assert e.contributions.effort <= 0
        for s in e.serves:
            assert s.goal == "microservices"
            assert s.via[0] == r.item
        assert all(u in ids for u in e.unlocks)
    # Plain data: the whole answer serialises as JSON.
    json.dumps([dataclasses.asdict(r) for r in recs])


def test_explain_false_and_kind_filter(go, beginner):
    mastery, goals = beginner
    # No framework is ready for a beginner: none is ranked unless blocked
    # items are asked for too.
    assert go.recommend(mastery=mastery, goals=goals, k=4, kind="framework") == []
    recs = go.recommend(mastery=mastery, goals=goals, k=4, explain=False, kind="framework",
                        include_blocked=True)
    kind = {i.id: i.kind for i in go.items}
    assert len(recs) == 4
    assert all(kind[r.item] == "framework" and r.explanation is None for r in recs)


def test_include_blocked_shows_missing_requires(go):
    recs = go.recommend(goals={"microservices": 1.0}, k=131, include_blocked=True)
    blocked = [r for r in recs if not r.ready]
    assert blocked
    gap = [m for m in blocked[0].explanation.missing if m.type == "requires"]
    assert gap and gap[0].alternatives and gap[0].satisfaction < 1


def test_profile_changes_the_ranking(go, beginner):
    mastery, goals = beginner
    default = [r.item for r in go.recommend(mastery=mastery, goals=goals, k=10)]
    effortless = pathrank.Profile(w_eff=0.0, w_rel=0.0, w_fnd=5.0)
    other = [r.item for r in go.recommend(mastery=mastery, goals=goals, k=10, profile=effortless)]
    assert default != other
    named = go.recommend(mastery=mastery, goals=goals, k=10, profile="goal-first")
    assert 0 < len(named) <= 10


def test_errors_name_every_field(go):
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        go.recommend(mastery={"cobol": 1.0, "goroutines": 1.5}, goals={"nope": 1.0})
    message = e.value.message
    assert "/mastery/cobol" in message and "/mastery/goroutines" in message
    assert "/goals/nope" in message
    with pytest.raises(pathrank.InvalidArgumentError):
        go.recommend(k=0)
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        go.recommend(kind="gadget")
    assert "gadget" in str(e.value)


def test_plan_path(go, beginner):
    mastery, goals = beginner
    plan = go.plan_path(mastery=mastery, goals=goals, hours_per_week=8)
    assert plan.steps
    hours = [s.cumulative_hours for s in plan.steps]
    assert hours == sorted(hours) and math.isclose(hours[-1], plan.total_hours)
    assert plan.steps[-1].week == plan.weeks == math.ceil(plan.total_hours / 8 - 1e-9)
    assert all(s.reason for s in plan.steps)
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        go.plan_path(mastery=mastery, goals={}, hours_per_week=8)
    assert "goal" in str(e.value)
    with pytest.raises(pathrank.InvalidArgumentError):
        go.plan_path(mastery=mastery, goals=goals, hours_per_week=500)


def test_match_team(go):
    team = {"ada": {"go-basic-syntax": 1.0, "net-http": 1.0}, "bob": {}}
    matches = go.match_team(team, goals={"rest-api": 1.0}, type="Web Framework", k=3)
    assert 1 <= len(matches) <= 3
    assert [m.fit for m in matches] == sorted((m.fit for m in matches), reverse=True)
    top = matches[0]
    assert [m.member for m in top.members] == ["ada", "bob"]
    assert top.members[1].hours >= top.members[0].hours  # bob knows less
    assert math.isclose(top.ramp_up_hours, sum(m.hours for m in top.members))
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        go.match_team(team, goals={"rest-api": 1.0}, type="Spaceship")
    assert "/type" in str(e.value)


def test_batch_matches_single_recommend(go, beginner):
    np = pytest.importorskip("numpy")
    mastery, goals = beginner
    rows = np.zeros((3, len(go)))
    for item, value in mastery.items():
        rows[1, go.item_ids.index(item)] = value
    items, scores = go.recommend_batch(rows, goals=goals, k=5, threads=2)
    assert items.shape == scores.shape == (3, 5) and items.dtype == np.int32
    single = go.recommend(mastery=mastery, goals=goals, k=5, explain=False)
    assert [go.item_ids[i] for i in items[1]] == [r.item for r in single]
    assert list(scores[1]) == [r.score for r in single]
    # Per-learner goals as a matrix: learner 2 without goals ranks differently.
    g = np.zeros((3, len(go.goals)))
    g[:2, [x.id for x in go.goals].index("microservices")] = 1.0
    items2, _ = go.recommend_batch(rows, goals=g, k=5)
    assert (items2[:2] == items[:2]).all()
    blank = go.recommend(k=5, explain=False)
    assert [go.item_ids[i] for i in items2[2]] == [r.item for r in blank]


def test_batch_errors(go):
    np = pytest.importorskip("numpy")
    bad = np.zeros((2, len(go)))
    bad[1, 7] = 1.5
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        go.recommend_batch(bad, k=3)
    assert "/mastery/1/7" in str(e.value)
    with pytest.raises(pathrank.InvalidArgumentError):
        go.recommend_batch(np.zeros((2, 3)), k=3)
    with pytest.raises(pathrank.InvalidArgumentError):
        go.recommend_batch(np.zeros((2, len(go))), goals={"nope": 1.0}, k=3)


def test_batch_without_numpy_takes_and_returns_lists(go, beginner, monkeypatch):
    import pathrank._catalog as catalog_module

    mastery, goals = beginner
    rows = [[mastery.get(i, 0.0) for i in go.item_ids], [0.0] * len(go)]
    monkeypatch.setattr(catalog_module, "_np", None)
    items, scores = go.recommend_batch(rows, goals=goals, k=3)
    assert isinstance(items, list) and len(items) == 2 and len(items[0]) == 3
    single = go.recommend(mastery=mastery, goals=goals, k=3, explain=False)
    assert [go.item_ids[i] for i in items[0]] == [r.item for r in single]
    assert scores[0] == [r.score for r in single]
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        go.recommend_batch([[0.0] * 3], k=3)
    assert "row 0" in str(e.value)
