# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ISO 10002 clause matrix (docs/iso10002-matrix.md) names real tests,
gives every clause in both numberings (2018 and 2004) as the numbering
table (docs/iso10002-numbering.md) does, and documents every ISO step of
the step table (iso10002_complaints/models/iso_steps.py).

Runs without Odoo: the documents are parsed as text, the step table with
``ast``.
"""

import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
MATRIX = ROOT / "docs" / "iso10002-matrix.md"
NUMBERING = ROOT / "docs" / "iso10002-numbering.md"
STEPS = ROOT / "iso10002_complaints" / "models" / "iso_steps.py"

NONE = "—"
CLAUSE = re.compile(r"\d+(\.\d+)?|Annex [A-Z]")


def _table(path, width):
    """The rows of the Markdown tables of ``path`` that have ``width``
    cells and a clause number in the first cell (headers are skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == width and CLAUSE.fullmatch(cells[0].split(" / ")[0]):
            rows.append(cells)
    return rows


def _rows():
    """Matrix rows: clause (2018), 2004, asks, feature, tests."""
    return _table(MATRIX, 5)


def _numbering():
    """The one 2018 -> 2004 mapping, from docs/iso10002-numbering.md."""
    mapping = {}
    for row in _table(NUMBERING, 5):
        assert row[0] not in mapping, f"clause {row[0]} twice in {NUMBERING.name}"
        mapping[row[0]] = row[2]
    return mapping


def _clauses(cell):
    return [part.strip() for part in cell.split(" / ")]


def _steps():
    """(code, clause) of each Step(...) of STEPS in iso_steps.py."""
    tree = ast.parse(STEPS.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [
            getattr(t, "id", None) for t in node.targets
        ] == ["STEPS"]:
            steps = []
            for call in node.value.elts:
                assert isinstance(call, ast.Call) and call.func.id == "Step"
                values = dict(zip(("code", "label", "clause"), call.args, strict=False))
                values.update({kw.arg: kw.value for kw in call.keywords})
                steps.append(
                    (
                        ast.literal_eval(values["code"]),
                        ast.literal_eval(values["clause"]),
                    )
                )
            return steps
    raise AssertionError(f"no STEPS in {STEPS.name}")


def _test_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_matrix_covers_the_standard():
    clauses = " ".join(row[0] for row in _rows())
    for clause in ("4.5", "4.7", "4.8", "4.10", "7.2", "7.4", "7.5", "7.8", "7.9"):
        assert clause in clauses, f"clause {clause} missing from {MATRIX.name}"
    for clause in ("8.2", "8.3", "8.4", "8.5", "8.6", "8.7"):
        assert clause in clauses, f"clause {clause} missing from {MATRIX.name}"
    for clause in ("4.9", "4.12"):
        assert clause in clauses, f"clause {clause} missing from {MATRIX.name}"


def test_every_row_names_a_feature_and_existing_tests():
    rows = _rows()
    assert len(rows) >= 25
    problems = []
    for clause, _2004, asks, feature, tests in rows:
        if not asks or not feature:
            problems.append(f"{clause}: no requirement or no feature")
        specs = [spec.strip() for spec in tests.split(";") if spec.strip()]
        if not specs:
            problems.append(f"{clause}: no test")
        for spec in specs:
            match = re.fullmatch(r"([\w/]+\.py)::(test_\w+)", spec)
            if not match:
                problems.append(f"{clause}: malformed test reference {spec!r}")
                continue
            path = ROOT / match.group(1)
            if not path.is_file():
                problems.append(f"{clause}: no file {match.group(1)}")
            elif match.group(2) not in _test_names(path):
                problems.append(f"{clause}: no test {match.group(2)} in {path.name}")
            elif path.stem not in (path.parent / "__init__.py").read_text():
                problems.append(f"{clause}: {path.name} is not run by Odoo")
    assert not problems, "\n".join(problems)


def test_numbering_table():
    """One row per 2018 clause, each 2004 clause at most once, and the
    numbers the certification bodies' pages cite for the 2004 edition."""
    mapping = _numbering()
    for number in range(2, 16):
        assert f"4.{number}" in mapping, f"principle 4.{number} (2018) not mapped"
    for clause in [f"7.{n}" for n in range(1, 10)] + [f"8.{n}" for n in range(1, 8)]:
        assert clause in mapping, f"clause {clause} (2018) not mapped"
    targets = [value for value in mapping.values() if value != NONE]
    assert len(targets) == len(set(targets)), "a 2004 clause mapped twice"
    assert all(CLAUSE.fullmatch(value) for value in targets)
    # 2004: 4.2 visibility ... 4.5 objectivity, 4.6 charges, 4.7 confidentiality
    assert mapping["4.4"] == "4.2"
    assert mapping["4.7"] == "4.5"
    assert mapping["4.8"] == "4.6"
    assert mapping["4.10"] == "4.7"
    assert mapping["4.12"] == "4.9"
    # 2018 moved the framework by one (5.1 context) and the annexes
    assert mapping["5.2"] == "5.1"
    assert mapping["Annex C"] == "Annex B"  # form for complainant
    assert mapping["Annex F"] == "Annex D"  # complaint tracking form
    # principles new in 2018
    for clause in ("4.2", "4.3", "4.9", "4.14", "4.15"):
        assert mapping[clause] == NONE, f"{clause} has no 2004 principle"


def test_every_row_gives_the_2004_number():
    mapping = _numbering()
    problems = []
    for clause, clause_2004, *_rest in _rows():
        new, old = _clauses(clause), _clauses(clause_2004)
        if len(new) != len(old):
            problems.append(
                f"{clause}: {len(new)} clauses but 2004 cell {clause_2004!r}"
            )
            continue
        for part_2018, part_2004 in zip(new, old, strict=True):
            if part_2018 not in mapping:
                problems.append(f"{clause}: {part_2018} not in {NUMBERING.name}")
            elif mapping[part_2018] != part_2004:
                problems.append(
                    f"{clause}: 2004 number of {part_2018} is "
                    f"{mapping[part_2018]}, not {part_2004}"
                )
    assert not problems, "\n".join(problems)


def test_every_step_is_documented():
    """Adding a step to the step table without a matrix row of its clause
    that names it fails here."""
    steps = _steps()
    assert len(steps) >= 7
    mapping = _numbering()
    rows = _rows()
    problems = []
    for code, clause in steps:
        if clause not in mapping:
            problems.append(f"step {code}: clause {clause} not in {NUMBERING.name}")
        named = [
            row
            for row in rows
            if clause in _clauses(row[0]) and f"`{code}`" in f"{row[2]} {row[3]}"
        ]
        if not named:
            problems.append(
                f"step {code}: no row of clause {clause} in {MATRIX.name} "
                f"names `{code}`"
            )
    assert not problems, "\n".join(problems)
