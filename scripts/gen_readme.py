#!/usr/bin/env python3
# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Generate each addon's README.rst and static/description/index.html.

Like OCA's ``oca-gen-addon-readme`` (not installable here): README.rst comes
from the addon's ``readme/*.md`` fragments and its manifest, index.html is
docutils' html4css1 rendering of that README.rst (default stylesheet
embedded). The fragments are converted from a small Markdown subset to
reStructuredText by :func:`md_to_rst`; anything outside that subset stops the
generation with :class:`ConversionError` rather than being rendered wrongly.

Usage::

    python3 scripts/gen_readme.py            # regenerate both addons
    python3 scripts/gen_readme.py --check    # exit 1 if a file is stale

Standard library and docutils only.
"""

import argparse
import ast
import hashlib
import io
import pathlib
import re
import sys
import unicodedata

import docutils
import docutils.core
import docutils.utils

ROOT = pathlib.Path(__file__).resolve().parent.parent
GENERATOR = "scripts/gen_readme.py"
FRAGMENTS_DIR = "readme"
# OCA's fragments, in the order of the README sections
FRAGMENTS = (
    "DESCRIPTION",
    "CONTEXT",
    "INSTALL",
    "CONFIGURE",
    "USAGE",
    "DEVELOP",
    "ROADMAP",
    "HISTORY",
    "CONTRIBUTORS",
    "CREDITS",
)
# (fragment, section title) rendered between the table of contents and the
# bug tracker, as level-1 sections
SECTIONS = (
    ("CONTEXT", "Use Cases / Context"),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("DEVELOP", "Development"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("HISTORY", "Changelog"),
)
# section underlines: "=" level 1, "-" level 2 (also Authors, Contributors...)
LEVEL2_HEADINGS = "-~^"  # "#" in a fragment of a level-1 section becomes "-"
LEVEL3_HEADINGS = "~^"  # "#" in CONTRIBUTORS / CREDITS becomes "~"

LICENSE_BADGES = {
    "AGPL-3": (
        "https://img.shields.io/badge/licence-AGPL--3-blue.png",
        "http://www.gnu.org/licenses/agpl-3.0-standalone.html",
        "License: AGPL-3",
    ),
    "LGPL-3": (
        "https://img.shields.io/badge/licence-LGPL--3-blue.png",
        "http://www.gnu.org/licenses/lgpl-3.0-standalone.html",
        "License: LGPL-3",
    ),
    "GPL-3": (
        "https://img.shields.io/badge/licence-GPL--3-blue.png",
        "http://www.gnu.org/licenses/gpl-3.0-standalone.html",
        "License: GPL-3",
    ),
}
DEVELOPMENT_STATUS_BADGES = {
    "mature": ("maturity-Mature-brightgreen", "Mature"),
    "production/stable": ("maturity-Production%2FStable-green", "Production/Stable"),
    "beta": ("maturity-Beta-yellow", "Beta"),
    "alpha": ("maturity-Alpha-red", "Alpha"),
}
DEVELOPMENT_STATUS_URL = "https://odoo-community.org/page/development-status"

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
    """A fragment uses Markdown this converter does not handle."""


# --------------------------------------------------------------------------
# Markdown -> reStructuredText
# --------------------------------------------------------------------------

_BULLET_RE = re.compile(r"^( {0,3})([-*+])( +|$)(.*)$")
_ORDERED_RE = re.compile(r"^( {0,3})(\d{1,9})([.)])( +|$)(.*)$")
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?: +(.*?))?(?: +#+)? *$")
_FENCE_RE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([\w+.-]*)\s*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+) *$")
_HRULE_RE = re.compile(r"^ {0,3}((\* *){3,}|(- *){3,}|(_ *){3,})$")
_TABLE_SEP_RE = re.compile(r"^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$")

# Inline: earliest match wins, then the order of the alternatives.
_INLINE_RE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks))"
    r"|(?P<image>!\[)"
    r"|(?P<autolink><(?P<autolink_url>(?:https?|ftp|mailto):[^>\s]+)>)"
    r"|(?P<link>\[(?P<link_text>[^\]\n]+(?:\n[^\]\n]+)*)\]"
    r"\((?P<link_url>[^)\s]+)\))"
    r"|(?P<strong>\*\*(?P<strong_text>[^\s*](?:.*?[^\s*])?)\*\*)"
    r"|(?P<strong_u>(?<![\w])__(?P<strong_u_text>[^\s_](?:.*?[^\s_])?)__(?![\w]))"
    r"|(?P<em>\*(?P<em_text>[^\s*](?:[^*]*?[^\s*])?)\*)"
    r"|(?P<em_u>(?<![\w])_(?P<em_u_text>[^\s_](?:[^_]*?[^\s_])?)_(?![\w]))"
    r"|(?P<escape>\\(?P<escaped>[!-/:-@\[-`{-~]))"
    r"|(?P<html><[A-Za-z/][^>]*>)",
    re.S,
)
# characters allowed right before an inline markup start-string, right after
# an end-string (docutils' inline markup recognition rules)
_START_OK = set(" \n\t-:/'\"<([{")
_END_OK = set(" \n\t-.,:;!?\\/'\")]}>")


def _start_ok(char):
    return (
        not char
        or char in _START_OK
        or unicodedata.category(char) in ("Pd", "Ps", "Pi", "Pf", "Po", "Zs")
    )


def _end_ok(char):
    return (
        not char
        or char in _END_OK
        or unicodedata.category(char) in ("Pd", "Pe", "Pi", "Pf", "Po", "Zs")
    )


def _escape_text(text):
    r"""Escape plain text so that reStructuredText reads it literally.

    ``\``, ``*``, `````` ` `````` and ``|`` always; ``_`` at the end of a word
    (a hyperlink reference ``word_``).
    """
    text = re.sub(r"([\\*`|])", r"\\\1", text)
    return re.sub(r"_(?=\W|$)", r"\\_", text)


def _check_plain(text, what):
    """Escape the text of a link or an emphasis; fail on nested markup."""
    if re.search(r"`|(?<!\\)\*|\[[^\]]*\]\(", text):
        raise ConversionError(
            f"nested inline markup in {what} {text!r}: reStructuredText cannot nest it"
        )
    return _escape_text(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))


def _inline_piece(match):
    """(is_markup, rst) of one inline Markdown construct matched by _INLINE_RE."""
    groups = match.groupdict()
    kind = match.lastgroup
    if groups["code"]:
        code = groups["code_text"]
        if len(groups["ticks"]) > 1 and code.startswith(" ") and code.endswith(" "):
            code = code[1:-1]
        if "``" in code or code != code.strip() or "\n" in code:
            raise ConversionError(f"cannot convert the code span {match[0]!r}")
        return True, f"``{code}``"
    if groups["image"]:
        raise ConversionError(f"images are not supported: {match.string!r}")
    if groups["html"]:
        raise ConversionError(f"inline HTML is not supported: {match[0]!r}")
    if groups["autolink"]:
        url = groups["autolink_url"]
        if re.fullmatch(r"https?://[\w./~%?=&#+:@-]*[\w/]", url):
            return True, url  # a standalone URI
        return True, f"`{url} <{url}>`__"
    if groups["link"]:
        label = " ".join(groups["link_text"].split("\n"))
        label = _check_plain(label, "the link text").replace("<", "\\<")
        return True, f"`{label} <{groups['link_url']}>`__"
    if groups["escape"]:
        return False, _escape_text(groups["escaped"])
    # strong, strong_u, em, em_u
    inner = _check_plain(groups[f"{kind}_text"], "the emphasis")
    mark = "**" if kind.startswith("strong") else "*"
    return True, f"{mark}{inner}{mark}"


def inline_md_to_rst(text):
    """Convert the inline Markdown of one paragraph (may span lines)."""
    pieces = []  # (is_markup, rst)
    pos = 0
    for match in _INLINE_RE.finditer(text):
        if match.start() > pos:
            pieces.append((False, _escape_text(text[pos : match.start()])))
        pieces.append(_inline_piece(match))
        pos = match.end()
    if pos < len(text):
        pieces.append((False, _escape_text(text[pos:])))
    # "\ " (escaped space, rendered as nothing) where the characters around
    # inline markup would keep reStructuredText from recognising it
    out = ""
    for index, (is_markup, rst) in enumerate(pieces):
        if not rst:
            continue
        if is_markup and not _start_ok(out[-1:]):
            out += "\\ "
        elif index and pieces[index - 1][0] and not _end_ok(rst[0]):
            out += "\\ "
        out += rst
    return out


def _paragraph_to_rst(lines):
    text = "\n".join(line.strip() for line in lines)
    rst = inline_md_to_rst(text)
    first = rst.split("\n", 1)[0]
    # what reStructuredText would read as a list, field, comment, doctest...
    if re.match(
        r"(\d+|[A-Za-z#]|[ivxlcdmIVXLCDM]+)[.)](\s|$)|\(\w+\)(\s|$)|:\w|\.\.(\s|$)"
        r"|>>>|[-+*\u2022\u2023\u2043](\s|$)",
        first,
    ):
        rst = "\\" + rst
    if re.search(r"(^|\n)([!-/:-@\[-`{-~])\2{3,}$", rst) or re.search(
        r"\n[=\-~^\"'+#*]{2,}\s*(\n|$)", rst
    ):
        raise ConversionError(f"a line would be read as a section title: {rst!r}")
    if rst.endswith("::"):
        rst = rst[:-1] + "\\:"
    return rst.split("\n")


def _indent(lines, width):
    pad = " " * width
    return [pad + line if line else "" for line in lines]


def _dedent(line, width):
    """``line`` without ``width`` leading spaces, or None if less indented."""
    if not line.strip():
        return ""
    stripped = len(line) - len(line.lstrip(" "))
    if stripped >= width:
        return line[width:]
    return None


def _list_marker(line):
    """(kind, indent, marker, content_offset, text) of a list item line."""
    match = _BULLET_RE.match(line)
    if match and not _HRULE_RE.match(line):
        indent, marker, spaces, text = match.groups()
        width = len(indent) + 1 + (len(spaces) if text and len(spaces) <= 4 else 1)
        return "bullet", len(indent), marker, width, text
    match = _ORDERED_RE.match(line)
    if match:
        indent, number, delim, spaces, text = match.groups()
        width = len(indent) + len(number) + 1
        width += len(spaces) if text and len(spaces) <= 4 else 1
        return "ordered", len(indent), (int(number), delim), width, text
    return None


def _interrupts_paragraph(line):
    """Whether ``line`` starts a new block instead of continuing a paragraph."""
    if not line.strip():
        return True
    if _HEADING_RE.match(line) or _FENCE_RE.match(line) or _HRULE_RE.match(line):
        return True
    marker = _list_marker(line)
    if marker and marker[4].strip():
        return marker[0] == "bullet" or marker[2][0] == 1
    return line.lstrip().startswith((">", "|"))


class _Converter:
    def __init__(self, heading_chars):
        self.heading_chars = heading_chars
        self.top_level = None  # of the first heading: the fragment's top level
        self.rank = -1  # of the last heading, 0 for the top level
        self.depth = 0  # of list nesting

    def blocks(self, lines):
        """Convert Markdown lines to a list of rST blocks (lists of lines)."""
        blocks = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            if line.startswith("    ") or line.startswith("\t"):
                raise ConversionError(
                    f"indented code block (use a ``` fence): {line.strip()!r}"
                )
            for parse in (
                self._fence,
                self._heading,
                self._rule,
                self._quote,
                self._table,
                self._list,
                self._paragraph,
            ):
                result = parse(lines, i)
                if result:
                    block, i = result
                    blocks.append(block)
                    break
        return blocks

    def _fence(self, lines, i):
        match = _FENCE_RE.match(lines[i])
        if not match:
            return None
        indent, fence, lang = match.groups()
        body = []
        j = i + 1
        while j < len(lines):
            if lines[j].strip().startswith(fence[0] * len(fence)) and not (
                lines[j].strip().strip(fence[0])
            ):
                break
            body.append(_dedent(lines[j], len(indent)) or lines[j].lstrip())
            j += 1
        else:
            raise ConversionError(f"unclosed code fence {lines[i].strip()!r}")
        while body and not body[-1].strip():
            body.pop()
        if not any(line.strip() for line in body):
            raise ConversionError("empty code block")
        head = [f".. code:: {lang}", ""] if lang else ["::", ""]
        return head + _indent([line.rstrip() for line in body], 3), j + 1

    def _heading(self, lines, i):
        match = _HEADING_RE.match(lines[i])
        if not match:
            return None
        level = len(match[1])
        title = inline_md_to_rst((match[2] or "").strip())
        if not title:
            raise ConversionError(f"empty heading {lines[i]!r}")
        if self.depth:
            raise ConversionError(f"heading inside a list: {lines[i]!r}")
        if self.heading_chars is None:  # no sections here: a rubric
            return [f".. rubric:: {title}"], i + 1
        # the first heading is the top level (whatever its number of #), and
        # no level may be skipped: docutils wants a consistent section tree
        if self.top_level is None:
            self.top_level = level
        rank = level - self.top_level
        if rank < 0 or rank > self.rank + 1:
            raise ConversionError(
                f"heading {lines[i]!r}: the first heading of a fragment sets its "
                "top level, later ones cannot be above it nor skip a level"
            )
        if rank >= len(self.heading_chars):
            raise ConversionError(
                f"heading too deep here (at most {len(self.heading_chars)} "
                f"levels): {lines[i]!r}"
            )
        self.rank = rank
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in title)
        return [title, self.heading_chars[rank] * width], i + 1

    def _rule(self, lines, i):
        if _HRULE_RE.match(lines[i]):
            raise ConversionError(f"horizontal rules are not supported: {lines[i]!r}")
        return None

    def _quote(self, lines, i):
        stripped = lines[i].lstrip()
        if stripped.startswith(">"):
            raise ConversionError(f"block quotes are not supported: {lines[i]!r}")
        if re.match(r"<[A-Za-z!/]", stripped) and not re.match(
            r"<(https?|ftp|mailto):", stripped
        ):
            raise ConversionError(f"HTML blocks are not supported: {lines[i]!r}")
        return None

    def _table(self, lines, i):
        if not lines[i].lstrip().startswith("|"):
            return None
        if i + 1 >= len(lines) or not _TABLE_SEP_RE.match(lines[i + 1]):
            raise ConversionError(f"malformed table (no |---| line): {lines[i]!r}")

        def cells(line):
            line = line.strip()
            if line.startswith("|"):
                line = line[1:]
            if line.endswith("|") and not line.endswith("\\|"):
                line = line[:-1]
            return [
                cell.strip().replace("\\|", "|")
                for cell in re.split(r"(?<!\\)\|", line)
            ]

        rows = [cells(lines[i])]
        j = i + 2
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            rows.append(cells(lines[j]))
            j += 1
        width = len(rows[0])
        out = [".. list-table::", "   :header-rows: 1", ""]
        for row in rows:
            if len(row) != width:
                raise ConversionError(f"table row with {len(row)} cells: {row!r}")
            for index, cell in enumerate(row):
                rst = inline_md_to_rst(cell)
                out.append(("   * - " if index == 0 else "     - ") + rst)
        return [line.rstrip() for line in out], j

    def _item_body(self, lines, j, width, text):
        """The Markdown lines of a list item (``text``, then from line ``j``)."""
        body = [text]
        while j < len(lines):
            line = lines[j]
            dedented = _dedent(line, width)
            if line.strip() and dedented is not None:
                body.append(dedented)
            elif not line.strip():
                # a blank line continues the item if indented text follows
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and _dedent(lines[k], width) is not None:
                    body.extend([""] * (k - j))
                    j = k
                    continue
                break
            elif _list_marker(line):
                break  # an item of this list or of an enclosing one
            elif body[-1].strip() and not _interrupts_paragraph(line):
                body.append(line.strip())  # lazy continuation line
            else:
                break
            j += 1
        return body, j

    def _list(self, lines, i):
        first = _list_marker(lines[i])
        if not first:
            return None
        kind, indent, marker, _width, _text = first
        items = []  # rST blocks of each item
        j = i
        while j < len(lines):
            current = _list_marker(lines[j])
            if (
                not current
                or current[0] != kind
                or current[1] > indent + 3
                or (kind == "bullet" and current[2] != marker)
                or (kind == "ordered" and current[2][1] != marker[1])
            ):
                break
            body, j = self._item_body(lines, j + 1, current[3], current[4])
            self.depth += 1
            items.append(self.blocks(body))
            self.depth -= 1
            # blank lines then a new item of the same list
            k = j
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k > j and k < len(lines) and _list_marker(lines[k]):
                j = k
            if j < len(lines) and not lines[j].strip():
                break
        # Markdown only reads the first number; reStructuredText wants them all
        start = marker[0] if kind == "ordered" else None
        return _render_list(items, start), j

    def _paragraph(self, lines, i):
        body = [lines[i]]
        j = i + 1
        while j < len(lines) and not _interrupts_paragraph(lines[j]):
            if _SETEXT_RE.match(lines[j]):
                raise ConversionError(
                    f"setext heading (use # headings): {lines[i].strip()!r}"
                )
            body.append(lines[j])
            j += 1
        return _paragraph_to_rst(body), j


def _render_list(items, start=None):
    """rST lines of a list of items (lists of blocks); numbered from ``start``."""
    loose = any(len(blocks) > 1 for blocks in items)
    out = []
    for index, blocks in enumerate(items):
        prefix = "- " if start is None else f"{start + index}. "
        item = []
        for block in blocks:
            if item:
                item.append("")
            item.extend(block)
        if not item:
            raise ConversionError("empty list item")
        if loose and out:
            out.append("")
        out.append(prefix + item[0])
        out.extend(_indent(item[1:], len(prefix)))
    return out


def md_to_rst(markdown, heading_chars=LEVEL2_HEADINGS):
    """Convert a Markdown fragment (the subset above) to reStructuredText.

    ``heading_chars``: the underline characters of the fragment's headings,
    from its top level (its first heading) down; None renders them as
    rubrics (informal headings outside the section tree).
    Raises ConversionError on Markdown outside the subset.
    """
    lines = [line.rstrip() for line in markdown.expandtabs(4).splitlines()]
    blocks = _Converter(heading_chars).blocks(lines)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


# --------------------------------------------------------------------------
# README.rst and index.html
# --------------------------------------------------------------------------


def read_manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text("utf-8"))


def read_fragments(addon_dir):
    """{name: markdown} of the addon's readme/ fragments."""
    folder = addon_dir / FRAGMENTS_DIR
    fragments = {}
    for path in sorted(folder.iterdir()):
        if path.suffix != ".md" or path.stem not in FRAGMENTS:
            raise ConversionError(
                f"{path.relative_to(ROOT)}: unknown fragment; expected "
                f"{', '.join(name + '.md' for name in FRAGMENTS)}"
            )
        text = path.read_text("utf-8")
        if text.strip():
            fragments[path.stem] = text
    if "DESCRIPTION" not in fragments:
        raise ConversionError(f"{folder.relative_to(ROOT)}/DESCRIPTION.md is missing")
    return fragments


def _github(website):
    match = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+)/?", website or "")
    return match.groups() if match else None


def _convert(addon_dir, name, markdown, heading_chars):
    try:
        return md_to_rst(markdown, heading_chars).rstrip("\n")
    except ConversionError as error:
        path = addon_dir.relative_to(ROOT) / FRAGMENTS_DIR / f"{name}.md"
        raise ConversionError(f"{path}: {error}") from None


def source_digest(manifest, fragments):
    keys = ("name", "summary", "version", "license", "author", "website")
    data = repr(
        (
            [(key, manifest.get(key)) for key in keys],
            manifest.get("maintainers"),
            manifest.get("development_status"),
            sorted(fragments.items()),
        )
    )
    return "sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()


def render_readme(addon_dir):  # noqa: C901 - a linear template
    """The README.rst text of the addon in ``addon_dir``."""
    addon_name = addon_dir.name
    manifest = read_manifest(addon_dir)
    fragments = read_fragments(addon_dir)
    name = manifest["name"]
    website = manifest.get("website", "").rstrip("/")
    github = _github(website)
    branch = ".".join(manifest["version"].split(".")[:2])
    status = manifest.get("development_status", "Beta").lower()
    out = []

    def section(title, underline, body):
        out.extend([title, underline * len(title), "", body, ""])

    out += ["=" * len(name), name, "=" * len(name), ""]
    banner = [
        f"!! This file is generated by {GENERATOR} !!",
        "!! changes will be overwritten: edit readme/*.md !!",
    ]
    width = max(len(line) for line in banner)
    banner = [line[:-2].ljust(width - 2) + "!!" for line in banner]
    out += [".."]
    out += ["   " + "!" * width, *("   " + line for line in banner)]
    out += ["   " + "!" * width]
    out += [f"   !! source digest: {source_digest(manifest, fragments)}"]
    out += ["   " + "!" * width, ""]

    badges = []
    if status in DEVELOPMENT_STATUS_BADGES:
        image, alt = DEVELOPMENT_STATUS_BADGES[status]
        badges.append(
            (f"https://img.shields.io/badge/{image}.png", DEVELOPMENT_STATUS_URL, alt)
        )
    if manifest.get("license") in LICENSE_BADGES:
        badges.append(LICENSE_BADGES[manifest["license"]])
    if github:
        org, repo = github
        label = f"{org.replace('-', '--')}%2F{repo.replace('-', '--')}"
        badges.append(
            (
                f"https://img.shields.io/badge/github-{label}-lightgray.png?logo=github",
                website,
                f"{org}/{repo}",
            )
        )
    for index, (image, target, alt) in enumerate(badges, 1):
        out += [f".. |badge{index}| image:: {image}", f"    :target: {target}"]
        out += [f"    :alt: {alt}"]
    if badges:
        out += ["", " ".join(f"|badge{i}|" for i in range(1, len(badges) + 1)), ""]

    out += [_convert(addon_dir, "DESCRIPTION", fragments["DESCRIPTION"], None), ""]
    if status == "alpha":
        out += [
            ".. IMPORTANT::",
            "   This is an alpha version, the data model and design can change at "
            "any time without warning.",
            "   Only for development or testing purpose, do not use in production.",
            f"   `More details on development status <{DEVELOPMENT_STATUS_URL}>`_",
            "",
        ]
    out += ["**Table of contents**", "", ".. contents::", "   :local:", ""]

    for fragment, title in SECTIONS:
        if fragment in fragments:
            body = _convert(addon_dir, fragment, fragments[fragment], LEVEL2_HEADINGS)
            section(title, "=", body)

    issues = f"{website}/issues"
    bugs = [f"Bugs are tracked on `GitHub Issues <{issues}>`_."]
    if github:
        feedback = (
            f"{issues}/new?body=module:%20{addon_name}%0Aversion:%20{branch}"
            "%0A%0A**Steps%20to%20reproduce**%0A-%20...%0A%0A"
            "**Current%20behavior**%0A%0A**Expected%20behavior**"
        )
        bugs += [
            "In case of trouble, please check there if your issue has already "
            "been reported.",
            "If you spotted it first, help us to smash it by providing a "
            "detailed and welcomed",
            f"`feedback <{feedback}>`_.",
            "",
            "Do not contact contributors directly about support or help with "
            "technical issues.",
        ]
    else:
        bugs[0] = f"Bugs are tracked on `{issues} <{issues}>`_."
    section("Bug Tracker", "=", "\n".join(bugs))

    out += ["Credits", "=======", ""]
    authors = [
        author.strip()
        for author in manifest.get("author", "").split(",")
        if author.strip() and "(OCA)" not in author
    ]
    if authors:
        section("Authors", "-", "\n".join(f"- {_escape_text(a)}" for a in authors))
    for fragment, title in (
        ("CONTRIBUTORS", "Contributors"),
        ("CREDITS", "Other credits"),
    ):
        if fragment in fragments:
            body = _convert(addon_dir, fragment, fragments[fragment], LEVEL3_HEADINGS)
            section(title, "-", body)
    maintainers = manifest.get("maintainers") or []
    body = []
    if maintainers:
        for login in maintainers:
            body += [
                f".. |maintainer-{login}| image:: https://github.com/{login}.png?size=40px",
                f"    :target: https://github.com/{login}",
                f"    :alt: {login}",
            ]
        plural = "s" if len(maintainers) > 1 else ""
        body += ["", f"Current maintainer{plural}:", ""]
        body += [" ".join(f"|maintainer-{login}|" for login in maintainers), ""]
    if github:
        body += [
            f"This module is part of the `{org}/{repo} <{website}>`_ project on GitHub."
        ]
    else:
        body += [f"This module is part of the project at {website}."]
    body += ["", "You are welcome to contribute."]
    section("Maintainers", "-", "\n".join(body))
    text = "\n".join(out).rstrip("\n") + "\n"
    if re.search(r"[ \t]$", text, re.M):
        raise ConversionError(f"{addon_name}: trailing whitespace in README.rst")
    return text


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


def find_addons():
    return sorted(
        path.parent
        for path in ROOT.glob("*/__manifest__.py")
        if (path.parent / FRAGMENTS_DIR / "DESCRIPTION.md").is_file()
    )


def generate(addon_dir):
    """{path: expected content} of the generated files of one addon."""
    readme_path = addon_dir / "README.rst"
    readme = render_readme(addon_dir)
    relative = readme_path.relative_to(ROOT)
    check_rst(readme, relative)
    html = render_html(readme, relative)
    return {
        readme_path: readme,
        addon_dir / "static" / "description" / "index.html": html,
    }


def stale_files(addons=None):
    """Relative paths of the generated files that differ from the committed ones."""
    stale = []
    for addon_dir in addons or find_addons():
        for path, content in generate(addon_dir).items():
            if not path.is_file() or path.read_text("utf-8") != content:
                stale.append(str(path.relative_to(ROOT)))
    return stale


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a README.rst or index.html is stale",
    )
    parser.add_argument(
        "addons", nargs="*", help="addon directories (default: all addons)"
    )
    args = parser.parse_args(argv)
    addons = [pathlib.Path(a).resolve() for a in args.addons] or find_addons()
    try:
        if args.check:
            stale = stale_files(addons)
            if stale:
                print(
                    "Stale generated file(s), they differ from what "
                    f"{GENERATOR} generates from readme/*.md and __manifest__.py "
                    f"(docutils {docutils.__version__}):\n"
                    + "".join(f"  {path}\n" for path in stale)
                    + f"Run: python3 {GENERATOR}",
                    file=sys.stderr,
                )
                return 1
            print(f"README.rst and index.html up to date ({len(addons)} addons)")
            return 0
        for addon_dir in addons:
            for path, content in generate(addon_dir).items():
                old = path.read_text("utf-8") if path.is_file() else None
                if old != content:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(content, "utf-8")
                    print(f"wrote {path.relative_to(ROOT)}")
    except ConversionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
