#!/usr/bin/python3
"""Checks that docs/embedding.md shows its examples verbatim.

Usage: check_doc_examples.py SOURCE_DIR

Every `<!-- example: PATH -->` line must be followed by a fenced code block
whose text is exactly the file PATH (relative to SOURCE_DIR); the tests build
and run those files, so the page's examples are the tests. The C++, C and
Python examples must all be there.
"""

import pathlib
import re
import sys

REQUIRED = {"examples/cmake-consumer/main.cc", "examples/make-consumer/main.c",
            "python/examples/quickstart.py"}


def main():
    root = pathlib.Path(sys.argv[1])
    doc = (root / "docs" / "embedding.md").read_text()
    found, problems = set(), []
    for m in re.finditer(r"<!-- example: (\S+) -->\n```\w*\n(.*?)```\n", doc, re.S):
        path, shown = m.group(1), m.group(2)
        found.add(path)
        if shown != (root / path).read_text():
            problems.append(f"docs/embedding.md shows an outdated {path}")
    problems += [f"docs/embedding.md lacks the example {p}" for p in sorted(REQUIRED - found)]
    for p in problems:
        print(p)
    print(f"{len(found)} examples checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
