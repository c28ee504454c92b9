"""Loading catalogs and profiles, and the errors both raise."""

import sys

import pytest

import pathrank

TINY = """{"format": "pathrank.catalog/v1", "id": "tiny", "title": "Tiny",
 "stages": [{"id": "s1", "title": "One"}],
 "items": [
  {"id": "basics", "kind": "topic", "title": "Basics", "stage": "s1", "hours": 4, "difficulty": 1},
  {"id": "web", "kind": "framework", "title": "Web", "stage": "s1", "hours": 6, "difficulty": 2,
   "prerequisites": [{"any_of": ["basics"]}]}],
 "goals": [{"id": "ship", "title": "Ship", "items": {"web": 1.0}}]}"""


def test_the_installed_package_is_the_one_tested():
    # make test-python installs into a venv: the package must come from there,
    # with its bundled library, not from the source tree.
    assert pathrank.__file__.startswith(sys.prefix), pathrank.__file__
    assert pathrank.library_version == pathrank.__version__
    assert pathrank.ABI_VERSION == 1


def test_load_file(go):
    assert go.id == "go-backend"
    assert len(go) == len(go.items) == 131
    assert go.item_ids[0] == go.items[0].id
    assert {g.id for g in go.goals} >= {"microservices", "rest-api"}
    kinds = {i.kind for i in go.items}
    assert kinds == {"topic", "framework", "project"}


def test_from_json_str_and_bytes():
    for doc in (TINY, TINY.encode()):
        cat = pathrank.Catalog.from_json(doc)
        assert cat.id == "tiny"
        assert [i.id for i in cat.items] == ["basics", "web"]
        assert cat.items[1].hours == 6.0


def test_missing_file_is_unavailable(tmp_path):
    with pytest.raises(pathrank.UnavailableError) as e:
        pathrank.Catalog.load(tmp_path / "absent.json")
    assert "absent.json" in e.value.message
    assert e.value.code == "Unavailable"


def test_invalid_document_names_the_pointer():
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        pathrank.Catalog.from_json(TINY.replace('"hours": 6', '"hours": "six"'))
    assert "/items/1/hours" in str(e.value)
    assert isinstance(e.value, ValueError) and isinstance(e.value, pathrank.Error)


def test_syntax_error_names_line_and_column():
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        pathrank.Catalog.from_json('{"format": ')
    assert "line 1" in str(e.value)


def test_profiles():
    default = pathrank.Profile()
    assert default.name == "default"
    assert set(default.as_dict()) == set(pathrank.PROFILE_FIELDS)
    goal_first = pathrank.Profile("goal-first", w_eff=0.5)
    assert goal_first["w_eff"] == 0.5
    assert goal_first["w_rel"] != default["w_rel"]
    with pytest.raises(pathrank.NotFoundError):
        pathrank.Profile("no-such-profile")
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        default["theta"] = 2.0
    assert "theta" in str(e.value)
    assert default["theta"] == pathrank.Profile()["theta"]  # unchanged


def test_profile_from_json_and_file(tmp_path):
    doc = '{"format": "pathrank.profile/v1", "name": "tuned", "weights": {"w_rel": 4.0}}'
    assert pathrank.Profile.from_json(doc)["w_rel"] == 4.0
    path = tmp_path / "p.json"
    path.write_text(doc)
    loaded = pathrank.Profile.load(path)
    assert loaded.name == "tuned" and loaded["w_rel"] == 4.0
    with pytest.raises(pathrank.InvalidArgumentError) as e:
        pathrank.Profile.from_json(doc.replace("4.0", "-4.0"))
    assert "/weights/w_rel" in str(e.value)
