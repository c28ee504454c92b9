"""The Python example of docs/embedding.md runs and prints what it says."""

import pathlib
import re
import subprocess
import sys

from conftest import GO_CATALOG

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "quickstart.py"


def test_quickstart_runs():
    out = subprocess.run([sys.executable, str(EXAMPLE), str(GO_CATALOG)], check=True,
                         capture_output=True, text=True, cwd="/").stdout
    lines = out.splitlines()
    assert len(lines) == 5, out
    for line in lines[:3]:
        assert re.match(r"^[a-z0-9.-]+  \d+\.\d{3}  serves goal microservices", line), line
    assert re.match(r"^path: \d+ steps, \d+ hours, \d+ weeks at 10 h/week; first ", lines[3])
    assert lines[4] == 'error: InvalidArgument: /mastery/cobol: unknown item "cobol" in catalog "go-backend"'
