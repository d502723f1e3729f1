# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ISO 10002 clause matrix (docs/iso10002-matrix.md) names real tests."""

import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
MATRIX = ROOT / "docs" / "iso10002-matrix.md"


def _rows():
    rows = []
    for line in MATRIX.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("Clause", "---") or set(cells[0]) <= {"-"}:
            continue
        rows.append(cells)
    return rows


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


def test_every_row_names_a_feature_and_existing_tests():
    rows = _rows()
    assert len(rows) >= 25
    problems = []
    for clause, asks, feature, tests in rows:
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
