"""Build hooks for the pathrank package (metadata lives in pyproject.toml).

When PATHRANK_LIBRARY names a libpathrank.so at build time, the library is
copied into the package (pathrank/_lib/libpathrank.so.0) and the wheel is
tagged for this platform; the package then needs nothing else at run time.
"""

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution


def _bundled_library():
    return os.environ.get("PATHRANK_LIBRARY") or None


class BuildPyWithLibrary(build_py):
    """build_py that also copies the library named by PATHRANK_LIBRARY."""

    def run(self):
        super().run()
        library = _bundled_library()
        if library is None:
            return
        if not os.path.isfile(library):
            raise SystemExit(f"PATHRANK_LIBRARY={library}: no such file")
        target = Path(self.build_lib) / "pathrank" / "_lib"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(os.path.realpath(library), target / "libpathrank.so.0")


class PlatformDistribution(Distribution):
    """A wheel that bundles a shared library is not pure Python."""

    def has_ext_modules(self):
        return _bundled_library() is not None


setup(cmdclass={"build_py": BuildPyWithLibrary}, distclass=PlatformDistribution)
