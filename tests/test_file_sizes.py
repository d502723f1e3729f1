# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each Python file of the addons and bridges is readable at once: at most
400 lines (their tests excepted)."""

import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = ("iso10002_complaints", "iso10002_reports", "bridges")
MAX_LINES = 400


def test_no_python_file_of_the_addons_over_400_lines():
    sizes = {
        path.relative_to(ROOT): len(path.read_text(encoding="utf-8").splitlines())
        for folder in ADDONS
        for path in (ROOT / folder).rglob("*.py")
        if "tests" not in path.parts
    }
    assert len(sizes) > 50, "the addons' Python files were not found"
    too_long = {str(path): lines for path, lines in sizes.items() if lines > MAX_LINES}
    assert not too_long, f"over {MAX_LINES} lines: {too_long}"
