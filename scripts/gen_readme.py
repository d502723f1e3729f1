#!/usr/bin/env python3
# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Generate each addon's README.rst and static/description/index.html.

Like OCA's ``oca-gen-addon-readme`` (not on PyPI): README.rst comes from the
addon's ``readme/*.md`` fragments and its manifest, index.html is docutils'
html4css1 rendering of that README.rst (default stylesheet embedded). The
fragments are converted to reStructuredText by pandoc, as OCA's tool does
(GitHub-flavoured Markdown, raw HTML off), through ``pypandoc-binary``, whose
wheel ships pandoc: nothing is downloaded at run time. Any docutils warning
on the result stops the generation.

Usage::

    python3 scripts/gen_readme.py            # regenerate both addons
    python3 scripts/gen_readme.py --check    # exit 1 if a file is stale

Needs docutils and the pinned ``pypandoc-binary`` of requirements-test.txt
(the generated files depend on pandoc's version).
"""

import argparse
import ast
import hashlib
import pathlib
import re
import sys

import docutils

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # also when loaded from its path
from readme_convert import (  # noqa: E402
    ConversionError,
    _pypandoc,
    check_rst,
    md_to_rst,
    render_html,
)

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
# section underlines: "=" level 1, "-" level 2 (also Authors, Contributors...);
# "#" in a fragment becomes "-" (shift 1), in CONTRIBUTORS / CREDITS "~" (2)
SECTION_SHIFT = 1
CREDITS_SHIFT = 2

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


def _convert(markdown, shift=SECTION_SHIFT):
    return md_to_rst(markdown, shift).rstrip("\n")


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

    out += [_convert(fragments["DESCRIPTION"]), ""]
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
            body = _convert(fragments[fragment])
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
        section("Authors", "-", "\n".join(f"- {a}" for a in authors))
    for fragment, title in (
        ("CONTRIBUTORS", "Contributors"),
        ("CREDITS", "Other credits"),
    ):
        if fragment in fragments:
            body = _convert(fragments[fragment], CREDITS_SHIFT)
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


def find_addons():
    """The two addons and the bridges of bridges/."""
    manifests = [
        *ROOT.glob("*/__manifest__.py"),
        *ROOT.glob("bridges/*/__manifest__.py"),
    ]
    return sorted(
        path.parent
        for path in manifests
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
                    f"(docutils {docutils.__version__}, "
                    f"pandoc {_pypandoc().get_pandoc_version()}):\n"
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
