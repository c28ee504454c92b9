"""Loads libpathrank and declares the C API (pathrank/c.h) for ctypes.

Where the library comes from, first found wins:
  1. the file named by the environment variable PATHRANK_LIBRARY;
  2. the copy bundled into this package at install time (pathrank/_lib/);
  3. the system's libpathrank.so.0 (the .deb installs it), via the loader.
"""

from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, c_char_p, c_double, c_int, c_int32, c_int64, c_size_t, c_uint, c_void_p
from pathlib import Path
from typing import Iterator

from ._errors import raise_for_status

#: The C ABI this package was written against (PATHRANK_C_ABI_VERSION).
ABI_VERSION = 1


class Terms(ctypes.Structure):
    """pathrank_terms."""

    _fields_ = [(name, c_double) for name in
                ("coverage", "relevance", "unlock", "foundation", "sequence", "effort")]


class TeamMember(ctypes.Structure):
    """pathrank_team_member."""

    _fields_ = [("id", c_char_p), ("item_ids", POINTER(c_char_p)),
                ("mastery", POINTER(c_double)), ("count", c_size_t)]


_ERR = POINTER(c_void_p)
_H = c_void_p  # every opaque handle
_S = c_size_t

# name: (restype, argtypes). A restype of c_int named "status" is checked.
_SIGNATURES = {
    "pathrank_abi_version": (c_int, []),
    "pathrank_version": (c_char_p, []),
    "pathrank_free": (None, [c_void_p]),
    "pathrank_catalog_load_file": (c_int, [c_char_p, POINTER(_H), _ERR]),
    "pathrank_catalog_load_json": (c_int, [c_char_p, _S, POINTER(_H), _ERR]),
    "pathrank_catalog_free": (None, [_H]),
    "pathrank_catalog_id": (c_char_p, [_H]),
    "pathrank_catalog_title": (c_char_p, [_H]),
    "pathrank_catalog_item_count": (_S, [_H]),
    "pathrank_catalog_item_id": (c_char_p, [_H, _S]),
    "pathrank_catalog_item_title": (c_char_p, [_H, _S]),
    "pathrank_catalog_item_kind": (c_char_p, [_H, _S]),
    "pathrank_catalog_item_hours": (c_double, [_H, _S]),
    "pathrank_catalog_find_item": (c_int64, [_H, c_char_p]),
    "pathrank_catalog_goal_count": (_S, [_H]),
    "pathrank_catalog_goal_id": (c_char_p, [_H, _S]),
    "pathrank_catalog_goal_title": (c_char_p, [_H, _S]),
    "pathrank_profile_builtin": (c_int, [c_char_p, POINTER(_H), _ERR]),
    "pathrank_profile_load_file": (c_int, [c_char_p, POINTER(_H), _ERR]),
    "pathrank_profile_load_json": (c_int, [c_char_p, _S, POINTER(_H), _ERR]),
    "pathrank_profile_free": (None, [_H]),
    "pathrank_profile_set": (c_int, [_H, c_char_p, c_double, _ERR]),
    "pathrank_profile_get": (c_double, [_H, c_char_p]),
    "pathrank_profile_name": (c_char_p, [_H]),
    "pathrank_learner_create": (c_int, [_H, POINTER(c_char_p), POINTER(c_double), _S,
                                        POINTER(c_char_p), POINTER(c_double), _S,
                                        POINTER(_H), _ERR]),
    "pathrank_learner_free": (None, [_H]),
    "pathrank_recommend": (c_int, [_H, _H, _H, _S, c_char_p, c_uint, POINTER(_H), _ERR]),
    "pathrank_ranking_free": (None, [_H]),
    "pathrank_ranking_count": (_S, [_H]),
    "pathrank_ranking_item": (c_char_p, [_H, _S]),
    "pathrank_ranking_score": (c_double, [_H, _S]),
    "pathrank_ranking_ready": (c_int, [_H, _S]),
    "pathrank_ranking_terms": (c_int, [_H, _S, POINTER(Terms)]),
    "pathrank_ranking_contributions": (c_int, [_H, _S, POINTER(Terms)]),
    "pathrank_ranking_reason": (c_char_p, [_H, _S]),
    "pathrank_ranking_serves_count": (_S, [_H, _S]),
    "pathrank_ranking_serves_goal": (c_char_p, [_H, _S, _S]),
    "pathrank_ranking_serves_relevance": (c_double, [_H, _S, _S]),
    "pathrank_ranking_serves_via_count": (_S, [_H, _S, _S]),
    "pathrank_ranking_serves_via": (c_char_p, [_H, _S, _S, _S]),
    "pathrank_ranking_missing_count": (_S, [_H, _S]),
    "pathrank_ranking_missing_type": (c_char_p, [_H, _S, _S]),
    "pathrank_ranking_missing_weight": (c_double, [_H, _S, _S]),
    "pathrank_ranking_missing_satisfaction": (c_double, [_H, _S, _S]),
    "pathrank_ranking_missing_alternative_count": (_S, [_H, _S, _S]),
    "pathrank_ranking_missing_alternative": (c_char_p, [_H, _S, _S, _S]),
    "pathrank_ranking_missing_alternative_mastery": (c_double, [_H, _S, _S, _S]),
    "pathrank_ranking_unlocks_count": (_S, [_H, _S]),
    "pathrank_ranking_unlock": (c_char_p, [_H, _S, _S]),
    "pathrank_recommend_batch": (c_int, [_H, _H, POINTER(c_double), POINTER(c_double), _S, _S,
                                         c_uint, _S, POINTER(c_int32), POINTER(c_double), _ERR]),
    "pathrank_plan_path": (c_int, [_H, _H, _H, c_double, POINTER(_H), _ERR]),
    "pathrank_plan_free": (None, [_H]),
    "pathrank_plan_step_count": (_S, [_H]),
    "pathrank_plan_total_hours": (c_double, [_H]),
    "pathrank_plan_weeks": (c_int, [_H]),
    "pathrank_plan_step_item": (c_char_p, [_H, _S]),
    "pathrank_plan_step_reason": (c_char_p, [_H, _S]),
    "pathrank_plan_step_hours": (c_double, [_H, _S]),
    "pathrank_plan_step_cumulative_hours": (c_double, [_H, _S]),
    "pathrank_plan_step_week": (c_int, [_H, _S]),
    "pathrank_team_match": (c_int, [_H, _H, POINTER(TeamMember), _S, POINTER(c_char_p),
                                    POINTER(c_double), _S, c_char_p, c_char_p, _S,
                                    POINTER(_H), _ERR]),
    "pathrank_team_free": (None, [_H]),
    "pathrank_team_count": (_S, [_H]),
    "pathrank_team_item": (c_char_p, [_H, _S]),
    "pathrank_team_fit": (c_double, [_H, _S]),
    "pathrank_team_goal_fit": (c_double, [_H, _S]),
    "pathrank_team_coverage": (c_double, [_H, _S]),
    "pathrank_team_experts": (_S, [_H, _S]),
    "pathrank_team_ramp_up_hours": (c_double, [_H, _S]),
    "pathrank_team_difficulty_gap": (c_double, [_H, _S]),
    "pathrank_team_member_coverage": (c_double, [_H, _S, _S]),
    "pathrank_team_member_expert": (c_int, [_H, _S, _S]),
    "pathrank_team_member_hours": (c_double, [_H, _S, _S]),
    "pathrank_team_member_step_count": (_S, [_H, _S, _S]),
    "pathrank_team_member_step": (c_char_p, [_H, _S, _S, _S]),
}


def _candidates() -> Iterator[str]:
    explicit = os.environ.get("PATHRANK_LIBRARY")
    if explicit:
        yield explicit
        return
    bundled = Path(__file__).resolve().parent / "_lib" / "libpathrank.so.0"
    if bundled.is_file():
        yield str(bundled)
    yield "libpathrank.so.0"


def _load() -> ctypes.CDLL:
    errors = []
    for candidate in _candidates():
        try:
            lib = ctypes.CDLL(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
            continue
        for name, (restype, argtypes) in _SIGNATURES.items():
            function = getattr(lib, name)
            function.restype = restype
            function.argtypes = argtypes
        if lib.pathrank_abi_version() != ABI_VERSION:
            raise ImportError(f"{candidate} has C ABI {lib.pathrank_abi_version()}, "
                              f"this package needs {ABI_VERSION}")
        return lib
    raise ImportError("cannot load libpathrank (set PATHRANK_LIBRARY to its path): " +
                      "; ".join(errors))


lib = _load()
#: Where the library was loaded from.
library_path: str = lib._name


def call(function, *args) -> None:
    """Calls a status-returning C function; raises pathrank.Error on failure."""
    err = c_void_p()
    status = function(*args, ctypes.byref(err))
    if status == 0:
        return
    message = ctypes.string_at(err.value).decode("utf-8", "replace") if err.value else ""
    lib.pathrank_free(err)
    raise_for_status(status, message)


def text(value: bytes | None) -> str | None:
    """A C string from the library as str (None stays None)."""
    return None if value is None else value.decode("utf-8")


def strings(values) -> ctypes.Array:
    """A const char* array of the UTF-8 encodings of `values`."""
    return (c_char_p * len(values))(*[v.encode("utf-8") for v in values])


def doubles(values) -> ctypes.Array:
    """A double array of `values`."""
    return (c_double * len(values))(*[float(v) for v in values])
