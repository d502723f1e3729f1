# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each Python file of the repository is readable at once: at most 400
lines, whether in an addon, a bridge, their tests, tests/ or scripts/.

A file over the limit is split by concern (a module per subject, a shared
fixture module for the setup several test files need), not shortened."""

import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_LINES = 400
# where the Python files are; each must be found, so that the check cannot
# silently cover less than it says
FOLDERS = (
    "iso10002_complaints",
    "iso10002_complaints/tests",
    "iso10002_reports",
    "iso10002_reports/tests",
    "bridges",
    "tests",
    "scripts",
)


def python_files():
    """The repository's Python files: tracked by git, or new and not
    ignored; without git (a source archive), those of FOLDERS."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        paths = {ROOT / name for name in listed.split("\0") if name.endswith(".py")}
    except (OSError, subprocess.CalledProcessError):
        paths = {
            path
            for folder in ("", *FOLDERS)
            for path in (ROOT / folder).glob("*.py" if not folder else "**/*.py")
        }
    return sorted(path for path in paths if path.is_file())


def test_no_python_file_of_the_addons_over_400_lines():
    sizes = {
        path.relative_to(ROOT).as_posix(): len(
            path.read_text(encoding="utf-8").splitlines()
        )
        for path in python_files()
    }
    for folder in FOLDERS:
        assert any(name.startswith(f"{folder}/") for name in sizes), (
            f"no Python file found in {folder}/: the size check would miss it"
        )
    too_long = [
        f"{name}: {lines} lines, over {MAX_LINES}: split it by concern"
        for name, lines in sorted(sizes.items())
        if lines > MAX_LINES
    ]
    assert not too_long, "\n".join(too_long)
