#!/usr/bin/env bash
# The whole test suite against a real Odoo 19 and a throwaway PostgreSQL.
#
#   ./scripts/test.sh [pytest arguments...]
#
# Installs the test requirements from PyPI (and, as root, wkhtmltopdf and
# chromium from Debian), creates a fresh database with both addons and demo
# data, runs every test with pytest-odoo, prints pytest's summary line and
# exits non-zero on any failure, when nothing ran, or when a browser test
# was skipped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

check_odoo
find_pg_bin

# --- system tools: PDF rendering and the headless browser of the tours -----
missing=()
command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing ${missing[*]} from Debian..."
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            wkhtmltopdf chromium poppler-utils fonts-dejavu-core >/dev/null
    else
        die "missing ${missing[*]}: install them (Debian: apt-get install wkhtmltopdf chromium) and retry."
    fi
fi
install_requirements

# --- throwaway PostgreSQL -------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/iso10002-test.XXXXXX")"
chmod 755 "$WORK"
PGDATA="$WORK/pgdata"
PGSOCK="$WORK/pgsock"
PGLOG="$WORK/pglog"
own_for_pg "$PGDATA" "$PGSOCK" "$PGLOG"
PGPORT="$(free_port)"
cleanup() {
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; die "initdb failed."; }
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGLOG/postgresql.log" -w start -o \
    "-k $PGSOCK -p $PGPORT -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    >/dev/null || { cat "$PGLOG/postgresql.log"; die "PostgreSQL did not start."; }

DB="iso10002_test"
CONF="$WORK/odoo.conf"
cat >"$CONF" <<CONF
[options]
db_host = $PGSOCK
db_port = $PGPORT
db_user = odoo
addons_path = $ROOT
data_dir = $WORK/filestore
http_interface = 127.0.0.1
http_port = $(free_port)
workers = 0
max_cron_threads = 0
list_db = False
CONF

# --- fresh database: dependencies first, so that their tests never run ----
install_modules() {
    local modules="$1" log="$WORK/install-$1.log"
    if ! "${ODOO[@]}" -c "$CONF" -d "$DB" -i "$modules" --with-demo --stop-after-init \
            --log-level=warn >"$log" 2>&1 || grep -qE " (ERROR|CRITICAL) " "$log"; then
        tail -n 60 "$log"
        die "installing $modules failed."
    fi
}
echo "Creating database $DB (helpdesk_mgmt, then iso10002_complaints and iso10002_reports)..."
install_modules helpdesk_mgmt,helpdesk_mgmt_rating,resource
install_modules iso10002_complaints,iso10002_reports

# --- the tests ------------------------------------------------------------
JUNIT="$WORK/junit.xml"
set +e
"$PYTHON" -m pytest -p no:cacheprovider -c "$ROOT/pytest.ini" --rootdir "$ROOT" \
    --odoo-config "$CONF" --odoo-database "$DB" --odoo-http --odoo-log-level=warn \
    --junitxml "$JUNIT" -o junit_family=xunit1 -rfEs \
    "$@"
status=$?
set -e

if [ "$status" = 5 ]; then
    echo "FAILED: pytest collected no test." >&2
    exit 1
fi
[ -f "$JUNIT" ] || die "pytest wrote no report: status $status."
# Guard against a green run that tested nothing or skipped the browser.
"$PYTHON" - "$JUNIT" <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
cases = root.iter("testcase")
ran = skipped_browser = 0
for case in cases:
    skipped = case.find("skipped")
    if skipped is None:
        ran += 1
        continue
    reason = (skipped.get("message") or "") + (skipped.text or "")
    if any(word in reason.lower() for word in ("chrome", "browser", "websocket")):
        skipped_browser += 1
        print(f"FAILED: browser test skipped: {case.get('classname')}.{case.get('name')}: {reason.strip()}")
if not ran:
    print("FAILED: no test ran.")
    sys.exit(1)
sys.exit(1 if skipped_browser else 0)
PY
exit "$status"
