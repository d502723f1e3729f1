# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""README.rst and index.html are generated from readme/*.md (scripts/gen_readme.py)."""

import importlib.util
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location(
    "gen_readme", ROOT / "scripts" / "gen_readme.py"
)
gen_readme = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(gen_readme)


def test_readme_and_index_are_up_to_date():
    addons = gen_readme.find_addons()
    assert {addon.name for addon in addons} >= {
        "iso10002_complaints",
        "iso10002_reports",
    }
    stale = gen_readme.stale_files(addons)
    assert not stale, (
        f"stale generated file(s): {', '.join(stale)}; "
        "run python3 scripts/gen_readme.py"
    )


def test_check_mode_exit_code():
    assert gen_readme.main(["--check"]) == 0


def test_lists_nested_and_numbered():
    markdown = (
        "1. Go to *Helpdesk > Teams* and tick\n"
        "   *Complaints team*;\n"
        "2. then:\n"
        "   - a `resource.calendar`,\n"
        "     wrapped\n"
        "   - done\n"
        "3. end\n"
    )
    assert gen_readme.md_to_rst(markdown) == (
        "1. Go to *Helpdesk > Teams* and tick\n"
        "   *Complaints team*;\n"
        "2. then:\n"
        "\n"
        "   - a ``resource.calendar``,\n"
        "     wrapped\n"
        "   - done\n"
        "\n"
        "3. end\n"
    )


def test_headings_links_and_code():
    markdown = (
        "# Setup\n"
        "\n"
        "See [the docs](https://example.com/a) or <https://example.com/b>;\n"
        "**bold**, `code`s and a trailing_ underscore.\n"
        "\n"
        "## Example\n"
        "\n"
        "```python\n"
        "print(1)\n"
        "```\n"
    )
    assert gen_readme.md_to_rst(markdown) == (
        "Setup\n"
        "-----\n"
        "\n"
        "See `the docs <https://example.com/a>`__ or https://example.com/b;\n"
        "**bold**, ``code``\\ s and a trailing\\_ underscore.\n"
        "\n"
        "Example\n"
        "~~~~~~~\n"
        "\n"
        ".. code:: python\n"
        "\n"
        "   print(1)\n"
    )
    assert gen_readme.md_to_rst("# Team\n", gen_readme.CREDITS_SHIFT) == (
        "Team\n~~~~\n"
    )


def test_raw_html_is_not_passed_through():
    """As OCA: raw HTML in a fragment is not rendered (docutils has raw off)."""
    assert "<script>" not in gen_readme.md_to_rst("a <script>x</script> b\n")


def test_missing_pandoc_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # import fails
    with pytest.raises(gen_readme.ConversionError, match="pip install pypandoc-binary"):
        gen_readme.md_to_rst("text\n")


def test_index_html_is_readable_by_odoo():
    """Odoo reads index.html as text into lxml, which refuses an XML
    declaration: the Apps page of the addon would fail to render."""
    for addon in gen_readme.find_addons():
        html = (addon / "static" / "description" / "index.html").read_text()
        assert html.startswith("<!DOCTYPE html"), addon.name
        assert "<?xml" not in html.splitlines()[0], addon.name
