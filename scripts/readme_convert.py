# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The converters of gen_readme.py: Markdown to reStructuredText with pandoc
(through ``pypandoc-binary``, as OCA's oca-gen-addon-readme), and the
reStructuredText checked and rendered to HTML by docutils."""

import io

import docutils
import docutils.core
import docutils.utils

# as OCA: GitHub-flavoured Markdown without raw HTML nor automatic identifiers
PANDOC_MARKDOWN_FORMAT = "gfm-raw_html-gfm_auto_identifiers"
PANDOC_REQUIREMENT = "pypandoc-binary==1.17"


# As OCA (after pypa/readme_renderer); halt_level 2: any warning is an error.
RST2HTML_SETTINGS = {
    "_disable_config": True,  # no docutils.conf of the machine
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "halt_level": 2,
    "report_level": 2,
    "math_output": "MathJax",
    "smart_quotes": True,
    "syntax_highlight": "short",
    "embed_stylesheet": True,
}


class ConversionError(ValueError):
    """A fragment or the generated README.rst cannot be rendered cleanly."""


# --------------------------------------------------------------------------
# Markdown -> reStructuredText: pandoc, as OCA's oca-gen-addon-readme
# --------------------------------------------------------------------------


def _pypandoc():
    """pypandoc with its bundled pandoc, or a ConversionError saying what to install.

    Never ``pypandoc.ensure_pandoc_installed()``: it downloads pandoc.
    """
    try:
        import pypandoc  # noqa: PLC0415 - only the generator needs it

        pypandoc.get_pandoc_version()
    except (ImportError, OSError) as error:
        raise ConversionError(
            f"pandoc is not available ({error}).\n"
            f"Install it from PyPI: python3 -m pip install {PANDOC_REQUIREMENT}\n"
            "(or: python3 -m pip install -r requirements-test.txt); the exact "
            "pandoc version matters, the generated files depend on it."
        ) from None
    return pypandoc


def md_to_rst(markdown, shift=1):
    """Convert a Markdown fragment to reStructuredText with pandoc.

    ``shift``: how many levels the fragment's headings go down (``#`` becomes
    a level ``1 + shift`` section).
    """
    return _pypandoc().convert_text(
        markdown,
        "rst",
        format=PANDOC_MARKDOWN_FORMAT,
        extra_args=["--wrap=preserve", f"--shift-heading-level-by={shift}"],
        sandbox=True,
    )


def _settings(**extra):
    return {**RST2HTML_SETTINGS, "warning_stream": io.StringIO(), **extra}


def check_rst(text, source_path):
    """Raise ConversionError if docutils warns about the reStructuredText."""
    settings = _settings()
    try:
        docutils.core.publish_doctree(
            text, source_path=str(source_path), settings_overrides=settings
        )
    except docutils.utils.SystemMessage as error:
        raise ConversionError(
            f"{source_path}: docutils: {error}\n{settings['warning_stream'].getvalue()}"
        ) from None


def render_html(readme_text, source_path):
    """index.html: docutils' html4css1 rendering, default stylesheet embedded."""
    html = docutils.core.publish_string(
        readme_text,
        source_path=str(source_path),
        writer_name="html4css1",
        settings_overrides=_settings(output_encoding="utf-8"),
    ).decode("utf-8")
    # Odoo parses index.html as text: lxml refuses an XML declaration there
    if html.startswith("<?xml"):
        html = html.split("\n", 1)[1]
    return "\n".join(line.rstrip() for line in html.splitlines()) + "\n"
