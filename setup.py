# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Installs both addons, and the bridges of ``bridges/``, into the
``odoo.addons`` namespace.

``pip install .`` needs Odoo 19.0 already installed (it is not on PyPI); it
pulls the OCA dependencies from PyPI. A bridge installs itself in a database
only once the modules it connects are installed; ``pip install .[bridges]``
also brings the OCA modules they connect to.
"""

import os

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))
# {addon: folder of the addon, relative to HERE}: the two addons at the top
# level, the bridges (small auto-install addons) in bridges/
ADDONS = {
    "iso10002_complaints": "iso10002_complaints",
    "iso10002_reports": "iso10002_reports",
}
ADDONS.update(
    {
        name: os.path.join("bridges", name)
        for name in sorted(os.listdir(os.path.join(HERE, "bridges")))
        if os.path.isfile(os.path.join(HERE, "bridges", name, "__manifest__.py"))
    }
)


def _requirements(filename):
    with open(os.path.join(HERE, filename), encoding="utf-8") as lines:
        return [line.strip() for line in lines if line.strip() and line[0] != "#"]


def _packages_and_data():
    packages, package_dir, package_data = [], {}, {}
    for addon, folder in ADDONS.items():
        for dirpath, _dirnames, filenames in os.walk(os.path.join(HERE, folder)):
            rel = os.path.relpath(dirpath, HERE)
            if "__pycache__" in rel.split(os.sep):
                continue
            if "__init__.py" in filenames:
                inner = os.path.relpath(dirpath, os.path.join(HERE, folder))
                package = "odoo.addons." + addon
                if inner != os.curdir:
                    package += "." + inner.replace(os.sep, ".")
                packages.append(package)
                package_dir[package] = rel
        # every non-Python file (XML, CSV, PO, static assets, readme) ships too
        data = []
        addon_dir = os.path.join(HERE, folder)
        for dirpath, _dirnames, filenames in os.walk(addon_dir):
            if "__pycache__" in dirpath:
                continue
            for filename in filenames:
                if not filename.endswith((".py", ".pyc")):
                    data.append(
                        os.path.relpath(os.path.join(dirpath, filename), addon_dir)
                    )
        package_data["odoo.addons." + addon] = data
    return packages, package_dir, package_data


packages, package_dir, package_data = _packages_and_data()

setup(
    name="odoo-addons-iso10002",
    version="19.0.1.0.0",
    description="ISO 10002 complaints handling for Odoo 19 (on OCA helpdesk_mgmt)",
    long_description=open(os.path.join(HERE, "README.md"), encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    classifiers=[
        "Programming Language :: Python :: 3",
        "Framework :: Odoo",
        "Framework :: Odoo :: 19.0",
        "License :: OSI Approved :: GNU Affero General Public License v3",
    ],
    python_requires=">=3.10",
    packages=packages,
    package_dir=package_dir,
    package_data=package_data,
    include_package_data=False,
    zip_safe=False,
    install_requires=[
        "odoo>=19.0,<19.1",
        "odoo-addon-helpdesk_mgmt>=19.0,<19.1",
        "odoo-addon-helpdesk_mgmt_rating>=19.0,<19.1",
        "odoo-addon-report_xlsx>=19.0,<19.1",
        "psycopg2",
        "lxml",
    ],
    extras_require={
        "test": [
            "pytest-odoo",
            "websocket-client",
            "freezegun",
            "pypandoc-binary==1.17",
        ],
        "bridges": _requirements("requirements-bridges.txt"),
    },
)
