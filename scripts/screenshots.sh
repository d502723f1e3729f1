#!/usr/bin/env bash
# Regenerate the screenshots of docs/user-guide.md and docs/admin-guide.md
# (docs/img/*.png) from the real UI:
#
#   ./scripts/screenshots.sh
#
# It creates a throwaway PostgreSQL cluster and a database with both addons
# and their demo data, serves Odoo on a free port of 127.0.0.1, runs
# scripts/screenshots.py (the machine's headless Chromium driven by
# Playwright) and stops and removes everything on exit.
# Needs Odoo 19 importable by $PYTHON (default python3), the OCA
# dependencies, PostgreSQL server binaries and chromium; installs Playwright
# from PyPI (requirements-docs.txt), which downloads no browser.
# pngquant, when installed, shrinks the PNGs.
# Environment variables:
#   PYTHON       interpreter that imports Odoo 19 (default python3)
#   CHROMIUM     the browser (default: chromium, chromium-browser or google-chrome)
#   SHOTS        space-separated names of the shots to take (default: all;
#                ./scripts/screenshots.py --list prints them)
#   KEEP_WORK=1  keep the temporary folder (database, logs)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

check_odoo
"$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    -r "$ROOT/requirements-docs.txt" \
    || die "could not install Playwright (requirements-docs.txt) from PyPI."

start=$(date +%s)
start_throwaway_pg iso10002-shots
LOG_DIR="$WORK"
DB=iso10002_shots
write_odoo_conf --with-demo
HTTP_PORT="$(sed -n 's/^http_port = //p' "$CONF")"

echo "Creating the database with both addons and their demo data..."
install_modules helpdesk_mgmt,helpdesk_mgmt_rating,resource --with-demo
install_modules iso10002_complaints,iso10002_reports --with-demo
# the Dashboards app and the complaints dashboard (bridges/)
install_modules spreadsheet_dashboard,iso10002_spreadsheet_dashboard --with-demo

echo "Starting Odoo on port $HTTP_PORT..."
"${ODOO[@]}" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$HTTP_PORT" \
    --log-level=warn --logfile="$WORK/odoo-serve.log" &
ODOO_PID=$!
on_exit 'kill "$ODOO_PID" 2>/dev/null; wait "$ODOO_PID" 2>/dev/null'
for _ in $(seq 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/web/login" && break
    kill -0 "$ODOO_PID" 2>/dev/null || { tail -n 40 "$WORK/odoo-serve.log" >&2; die "Odoo stopped."; }
    sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$HTTP_PORT/web/login" || die "Odoo did not answer on /web/login."

# shellcheck disable=SC2086
"$PYTHON" "$ROOT/scripts/screenshots.py" --url "http://127.0.0.1:$HTTP_PORT" \
    --out "$ROOT/docs/img" ${SHOTS:-}

if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --quality=70-95 --strip --ext .png "$ROOT"/docs/img/*.png || true
fi
echo "Done in $(($(date +%s) - start)) s: $ROOT/docs/img/"
