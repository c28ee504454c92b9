"""pathrank.Profile: the weights of the scoring model."""

from __future__ import annotations

import ctypes
import os
from typing import Dict, Union

from . import _native
from ._native import call, lib

#: The weight names, in the engine's order.
FIELDS = ("w_cov", "w_rel", "w_unl", "w_fnd", "w_seq", "w_eff", "lambda", "theta", "theta_req",
          "infer_mastery")


class Profile:
    """A scoring profile. `Profile()` is the default one; `Profile("goal-first",
    w_eff=0.5)` a built-in one with overrides. Not safe to change from one
    thread while another recommends with it."""

    def __init__(self, name: str = "default", **weights: float) -> None:
        handle = ctypes.c_void_p()
        call(lib.pathrank_profile_builtin, name.encode("utf-8"), ctypes.byref(handle))
        self._handle = handle
        for field, value in weights.items():
            self[field] = value

    @classmethod
    def _adopt(cls, handle: ctypes.c_void_p) -> "Profile":
        profile = cls.__new__(cls)
        profile._handle = handle
        return profile

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "Profile":
        """Reads a `pathrank.profile/v1` file (what `pathrank tune` writes)."""
        handle = ctypes.c_void_p()
        call(lib.pathrank_profile_load_file, os.fsencode(path), ctypes.byref(handle))
        return cls._adopt(handle)

    @classmethod
    def from_json(cls, text: str) -> "Profile":
        """Parses a `pathrank.profile/v1` document."""
        data = text.encode("utf-8")
        handle = ctypes.c_void_p()
        call(lib.pathrank_profile_load_json, data, len(data), ctypes.byref(handle))
        return cls._adopt(handle)

    @property
    def name(self) -> str:
        """The profile's name ("default", "goal-first", or a file's "name")."""
        return _native.text(lib.pathrank_profile_name(self._handle))

    def __getitem__(self, field: str) -> float:
        """The weight `field` (one of PROFILE_FIELDS); KeyError otherwise."""
        if field not in FIELDS:
            raise KeyError(field)
        return lib.pathrank_profile_get(self._handle, field.encode("utf-8"))

    def __setitem__(self, field: str, value: float) -> None:
        """Sets a weight; pathrank.InvalidArgumentError for an unknown field
        or a value out of its range (the profile is then unchanged)."""
        call(lib.pathrank_profile_set, self._handle, field.encode("utf-8"), float(value))

    def as_dict(self) -> Dict[str, float]:
        """Every weight by name."""
        return {field: self[field] for field in FIELDS}

    def __repr__(self) -> str:
        return f"Profile({self.name!r}, {self.as_dict()})"

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value and lib is not None:
            lib.pathrank_profile_free(handle)
            self._handle = None
