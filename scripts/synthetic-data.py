#!/usr/bin/env python3
"""Make a large synthetic data directory from data/ for benchmarks: the real projects copied
until there are N projects, each copy with a new id (`<id>-k<round>`) and name (`<naam> (kopie <round>)`),
added to its themalijn's `projecten` list (and `paginavolgorde`, when the themalijn has one).

A copy keeps its phases, dates and the results of the half years (`periode:`), so every
rapportage and the regioplan grow with N; its texts stay those of the original with the round
marked on every line (`… (kopie 3)`): real projects differ in every paragraph, and typst's cache
finds identical paragraphs in identical ones, which would flatter (or, in its lookups, distort)
the measurement; results of newsletter editions (`editie:`) are left out
of copies, since an edition shows only the projects its blocks name. A copied subproject points to
the copy of its hoofdproject of the same round (or to the original when that round has none).

Usage: scripts/synthetic-data.py N OUT_DIR     (OUT_DIR must not exist; N >= the real count)
Then:  koers check --data-only --data OUT_DIR/data   and   koers build-report --data OUT_DIR/data ...
The output is deterministic: the same N gives the same files.
"""

import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{}.schema.json\n"


def load(path: Path):
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def dump(path: Path, schema: str, value) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(SCHEMA_LINE.format(schema) + text, encoding="utf-8")


# The free texts of a project (Markdown or one line), at any depth: marked per copy.
TEXT_KEYS = {
    "doelstelling", "tekst", "reden", "kop", "doel", "aanleiding", "aanpak", "inwonerparticipatie",
    "effect_voor_de_inwoner", "raakvlakken", "toelichting", "tabelnaam", "nieuwsbriefnaam", "naam",
}


def mark_line(line: str, marker: str) -> str:
    """The line with the marker at its end (before a Markdown hard break); table rows and empty
    lines unchanged."""
    body = line.rstrip()
    if not body or body.lstrip().startswith("|"):
        return line
    return body + marker + line[len(body):]


def mark_texts(value, marker: str, key=None):
    if isinstance(value, dict):
        return {k: mark_texts(v, marker, k) for k, v in value.items()}
    if isinstance(value, list):
        return [mark_texts(v, marker, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return "\n".join(mark_line(line, marker) for line in value.split("\n"))
    return value


def parents_first(projects: dict) -> list:
    """Project ids in file-name order, each hoofdproject before its subprojects."""
    order, seen = [], set()

    def visit(pid):
        if pid in seen:
            return
        seen.add(pid)
        parent = projects[pid].get("hoofdproject")
        if parent in projects:
            visit(parent)
        order.append(pid)

    for pid in sorted(projects):
        visit(pid)
    return order


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    total, out = int(sys.argv[1]), Path(sys.argv[2])
    if out.exists():
        print(f"{out} exists: choose a new directory", file=sys.stderr)
        return 2
    data = out / "data"
    shutil.copytree(ROOT / "data", data)

    projects = {p.stem: load(p) for p in sorted((data / "projecten").glob("*.yaml"))}
    if total < len(projects):
        print(f"N must be at least the real count ({len(projects)})", file=sys.stderr)
        return 2
    order = parents_first(projects)
    added = {}  # themalijn -> list of (original id, copy id), in creation order
    copies = 0
    rnd = 0
    while copies < total - len(projects):
        rnd += 1
        for pid in order:
            if copies == total - len(projects):
                break
            copy = mark_texts(projects[pid], f" (kopie {rnd})")
            cid = f"{pid}-k{rnd}"
            parent = copy.get("hoofdproject")
            if parent is not None and (data / "projecten" / f"{parent}-k{rnd}.yaml").exists():
                copy["hoofdproject"] = f"{parent}-k{rnd}"
            if "resultaten" in copy:
                kept = [r for r in copy["resultaten"] if "editie" not in r]
                if kept:
                    copy["resultaten"] = kept
                else:
                    del copy["resultaten"]
            dump(data / "projecten" / f"{cid}.yaml", "project", copy)
            added.setdefault(copy["themalijn"], []).append((pid, cid))
            copies += 1

    for path in sorted((data / "themalijnen").glob("*.yaml")):
        new = added.get(path.stem, [])
        if not new:
            continue
        thema = load(path)
        ids = [cid for _, cid in new]
        thema["projecten"] = thema["projecten"] + ids
        if thema.get("paginavolgorde"):
            thema["paginavolgorde"] = thema["paginavolgorde"] + ids
        dump(path, "themalijn", thema)

    print(f"{out}/data: {len(projects) + copies} projects ({copies} copies in {rnd} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
