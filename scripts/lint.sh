#!/usr/bin/env bash
# Lint like OCA's CI: pre-commit with local hooks only (ruff, pylint-odoo,
# OCA's oca-checks-odoo-module and oca-checks-po), whose tools come from PyPI
# (requirements-lint.txt); no hook repository is fetched. Needs a git
# repository (pre-commit lists the files with git).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    -r requirements-lint.txt
exec python3 -m pre_commit run --all-files --show-diff-on-failure "$@"
