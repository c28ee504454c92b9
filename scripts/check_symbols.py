#!/usr/bin/python3
"""Checks that libpathrank.so exports only its public API.

Usage: check_symbols.py LIBPATHRANK.so INCLUDE_DIR [--list]

Passes when every defined dynamic symbol is
  - a C function declared in INCLUDE_DIR/pathrank/c.h, and every function
    c.h declares is exported; or
  - a C++ symbol of namespace pathrank (function, vtable, typeinfo) outside
    pathrank::internal whose name appears in a public header under
    INCLUDE_DIR/pathrank;
and nothing else (no std:: template instantiation, no nlohmann, no
engine/util helper). Also checks the headers: every class and every
non-inline function declared at namespace scope carries PATHRANK_EXPORT (a
declaration without it would not be exported, and programs using it would
not link). Prints the counts; --list prints every symbol.
"""

import pathlib
import re
import subprocess
import sys


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    names = [line.split()[-1] for line in out.splitlines()
             if len(line.split()) >= 3 and line.split()[1] != "A"]
    demangled = subprocess.run(["c++filt"], input="\n".join(names), check=True,
                               capture_output=True, text=True).stdout.splitlines()
    return list(zip(names, demangled))


def qualified_name(demangled):
    """'pathrank::Scorer::Recommend(...) const' -> ['Scorer', 'Recommend']."""
    for prefix in ("vtable for ", "typeinfo name for ", "typeinfo for "):
        if demangled.startswith(prefix):
            demangled = demangled[len(prefix):]
    depth, end = 0, len(demangled)
    for i, ch in enumerate(demangled):  # cut at the parameter list
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        elif ch == "(" and depth == 0:
            end = i
            break
    name = re.sub(r"\[abi:\w+\]", "", demangled[:end])
    return [p for p in name.split("::") if p][1:]


_NOT_DECLARATIONS = ("//", "#", "}", "namespace", "struct", "enum", "inline", "template",
                     "using", "typedef", "extern", "PATHRANK_EXPORT", "public", "private", "/*",
                     " ", "\t", "*")


def unexported_declarations(header):
    """Namespace-scope functions and classes of `header` without the macro."""
    problems, depth, after_template = [], 0, False
    for number, line in enumerate(header.read_text().splitlines(), 1):
        code = line.split("//")[0]
        if depth == 0 and line and not after_template:
            is_class = re.match(r"^class (\[\[\w+\]\] )?\w+( final)?( :.*)? \{", line)
            if is_class and "PATHRANK_EXPORT" not in line:
                problems.append(f"{header}:{number}: class without PATHRANK_EXPORT")
            elif not is_class and "(" in code and not line.startswith(_NOT_DECLARATIONS):
                problems.append(f"{header}:{number}: function without PATHRANK_EXPORT")
        depth += code.count("(") - code.count(")")
        after_template = line.startswith("template")
    return problems


def main():
    lib, include = sys.argv[1], pathlib.Path(sys.argv[2])
    c_header = (include / "pathrank" / "c.h").read_text()
    c_api = set(re.findall(r"\b(pathrank_\w+)\(", c_header))
    headers = "\n".join(p.read_text() for p in (include / "pathrank").rglob("*.h"))
    words = set(re.findall(r"~?\w+", headers))
    problems, c_count, cpp_count = [], 0, 0
    for header in sorted((include / "pathrank").rglob("*.h")):
        if header.name not in ("c.h", "export.h", "plugin.h"):
            problems += unexported_declarations(header)
    symbols = exported(lib)
    for mangled, demangled in symbols:
        if mangled in c_api:
            c_count += 1
            continue
        parts = qualified_name(demangled)
        public = (demangled.split("for ")[-1].startswith("pathrank::") and parts
                  and "internal" not in parts
                  and all(p.lstrip("~") in words or p.startswith("operator")
                          for p in parts))
        if public:
            cpp_count += 1
        else:
            problems.append(f"not public API: {mangled} ({demangled})")
    missing = c_api - {m for m, _ in symbols}
    problems += [f"declared in c.h, not exported: {name}" for name in sorted(missing)]
    if "--list" in sys.argv:
        for mangled, demangled in symbols:
            print(demangled)
    print(f"{lib}: {len(symbols)} exported symbols: {c_count} C (pathrank/c.h), "
          f"{cpp_count} C++ (namespace pathrank)")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
