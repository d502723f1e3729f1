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

# --- throwaway PostgreSQL and a fresh database ----------------------------
start_throwaway_pg iso10002-test
write_odoo_conf
DB="iso10002_test"
# dependencies first, so that their own tests never run
echo "Creating database $DB (helpdesk_mgmt, then iso10002_complaints and iso10002_reports)..."
install_modules helpdesk_mgmt,helpdesk_mgmt_rating,resource --with-demo
install_modules iso10002_complaints,iso10002_reports --with-demo

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
