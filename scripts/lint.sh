#!/usr/bin/env bash
# Lint like CI's pre-commit: ruff and pylint-odoo (OCA config), offline.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    ruff pylint-odoo pre-commit
exec pre-commit run --all-files "$@"
