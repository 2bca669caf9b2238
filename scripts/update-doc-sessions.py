#!/usr/bin/env python3
"""Rewrites the terminal sessions that README.md and docs/*.md show with what remit prints now.

tests/docs/docs_examples_test.cpp fails when a page and remit disagree; after a deliberate change
of output, run this, then read `git diff` before committing. The conventions are the test's:
a fenced block whose first line starts with "$ " is a session; `<!-- file: NAME -->` before a
block makes it a file the sessions see; `<!-- timings vary -->` is left alone; a line "…" (or
"...") alone stands for lines left out, and keeps the same number of shown lines around it.

Usage: scripts/update-doc-sessions.py [--remit build/remit] [PAGE.md ...]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILE_MARKER = re.compile(r"^<!-- file: (\S+) -->$")


def blocks(lines):
    """(start, end, marker) of each fenced block: lines[start] is the opening fence."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            end = i + 1
            while end < len(lines) and not lines[end].startswith("```"):
                end += 1
            yield i, end, lines[i - 1].rstrip() if i > 0 else ""
            i = end + 1
        else:
            i += 1


def pages():
    out = [os.path.join(ROOT, "README.md")]
    for d, _, files in os.walk(os.path.join(ROOT, "docs")):
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".md")]
    return out


def files_of_all_pages():
    files = {}
    for page in pages():
        lines = open(page, encoding="utf-8").read().split("\n")
        for start, end, marker in blocks(lines):
            m = FILE_MARKER.match(marker)
            if m:
                files[m.group(1)] = "\n".join(lines[start + 1:end]) + "\n"
    return files


def is_gap(line):
    return line.strip() in ("…", "...")


def run_session(commands, scratch):
    """Each command's stdout then stderr, the commands run in one bash as the test runs them."""
    script = ["cd %s || exit 99" % shlex_quote(scratch),
              "export PATH=%s:\"$PATH\"" % shlex_quote(os.path.join(scratch, "bin")), "__rc=0"]
    for k, c in enumerate(commands):
        out, err = (shlex_quote(os.path.join(scratch, "%s.%d" % (w, k))) for w in ("out", "err"))
        script.append("( exit $__rc ); { %s\n} > %s 2> %s < /dev/null; __rc=$?" % (c, out, err))
    subprocess.run(["bash", "-c", "\n".join(script)], check=False)
    result = []
    for k in range(len(commands)):
        text = ""
        for w in ("out", "err"):
            with open(os.path.join(scratch, "%s.%d" % (w, k)), encoding="utf-8",
                      errors="replace") as f:
                text += f.read()
        result.append(text.rstrip("\n").split("\n") if text.strip("\n") else [])
    return result


def shlex_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def matches(shown, actual):
    """Whether the page already shows `actual`, a gap standing for any run of lines (as the test
    compares them), so that a session with several gaps that still holds is left as written."""
    shown = [s.rstrip() for s in shown]
    while shown and not shown[-1]:
        shown.pop()
    n, m = len(shown), len(actual)
    ok = [[False] * (m + 1) for _ in range(n + 1)]
    ok[n][m] = True
    for i in range(n - 1, -1, -1):
        for j in range(m, -1, -1):
            if is_gap(shown[i]):
                ok[i][j] = ok[i + 1][j] or (j < m and ok[i][j + 1])
            else:
                ok[i][j] = j < m and shown[i] == actual[j] and ok[i + 1][j + 1]
    return ok[0][0]


def shown_now(old, actual):
    """The lines to show: the actual output, with any gap kept at the same place."""
    actual = [a.rstrip() for a in actual]
    if matches(old, actual):
        return old
    gaps = [i for i, line in enumerate(old) if is_gap(line)]
    if not gaps:
        return actual
    g = gaps[0]
    before, after = g, len(old) - g - 1
    if before + after >= len(actual):
        return actual
    return actual[:before] + [old[g]] + (actual[len(actual) - after:] if after else [])


def update(page, remit, files):
    lines = open(page, encoding="utf-8").read().split("\n")
    changed = False
    for start, end, marker in reversed(list(blocks(lines))):
        body = lines[start + 1:end]
        if not body or not body[0].startswith("$ ") or marker == "<!-- timings vary -->":
            continue
        commands, outputs = [], []
        for line in body:
            if line.startswith("$ "):
                commands.append(line[2:])
                outputs.append([])
            else:
                outputs[-1].append(line)
        with tempfile.TemporaryDirectory() as scratch:
            for sub in ("policies", "docs", "stdlib", "tests"):
                os.symlink(os.path.join(ROOT, sub), os.path.join(scratch, sub))
            for sub in ("bin", "build"):
                os.makedirs(os.path.join(scratch, sub))
                os.symlink(os.path.abspath(remit), os.path.join(scratch, sub, "remit"))
            for name, text in files.items():
                os.makedirs(os.path.dirname(os.path.join(scratch, name)), exist_ok=True)
                with open(os.path.join(scratch, name), "w", encoding="utf-8") as f:
                    f.write(text)
            actual = run_session(commands, scratch)
        new_body = []
        for c, old, now in zip(commands, outputs, actual):
            new_body.append("$ " + c)
            new_body += shown_now(old, now)
        if new_body != body:
            lines[start + 1:end] = new_body
            changed = True
    if changed:
        with open(page, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print("updated", os.path.relpath(page, ROOT))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--remit", default=os.path.join(ROOT, "build", "remit"))
    ap.add_argument("pages", nargs="*")
    args = ap.parse_args()
    if not os.access(args.remit, os.X_OK):
        sys.exit("no remit at %s: build it first (make cli)" % args.remit)
    files = files_of_all_pages()
    for page in args.pages or pages():
        update(os.path.abspath(page), args.remit, files)


if __name__ == "__main__":
    main()
