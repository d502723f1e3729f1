#!/usr/bin/env bash
# The whole test suite against a real Odoo 19 and a throwaway PostgreSQL.
#
#   ./scripts/test.sh [pytest arguments...]      e.g. ./scripts/test.sh -k deadline
#
# 1. checks that python3 imports Odoo 19.0 (one line and exit 1 otherwise);
# 2. installs the test requirements from PyPI (requirements-test.txt) and, as
#    root, wkhtmltopdf, chromium and poppler-utils from Debian when missing;
# 3. starts a throwaway PostgreSQL cluster (temporary folder, removed on exit);
# 4. creates a database with demo data in two steps, dependencies first so
#    that their own tests never run, then iso10002_complaints and
#    iso10002_reports;
# 5. runs pytest with pytest-odoo (HTTP server and browser tours included) on
#    the addons and on tests/ (pytest.ini: testpaths, benchmarks excluded),
#    writes a JUnit report and ends with a plain "N passed, N failed" line.
#
# Exits non-zero when a test failed, when no test was collected or passed,
# or when a browser test was skipped (missing Chrome or websocket-client).
#
# Faster iteration on an existing PostgreSQL server instead of a throwaway one:
#   ISO_TEST_DB_HOST      host or socket folder of that server (turns it on)
#   ISO_TEST_DB_PORT      default 5432
#   ISO_TEST_DB_USER      default odoo (needs CREATEDB)
#   ISO_TEST_DB_PASSWORD  default none
#   ISO_TEST_DB_NAME      default iso10002_test
#   ISO_TEST_KEEP_DB=1    keep the database after the run and reuse it on the
#                         next run (the two addons are then updated, -u, not
#                         installed); without it the database must not exist
#                         yet and is dropped at the end.
# ISO_TEST_BRIDGES=1: the second configuration of CI: also installs the OCA
# modules of requirements-bridges.txt and every bridge of bridges/ (which
# install themselves on their dependencies) and runs the tests of the two
# addons, of tests/ and of the bridges. Without it only the two addons are
# installed and the bridges' tests are not collected.
# Other variables: ISO_TEST_JUNIT (report path, default test-results/junit.xml),
# PYTHON (interpreter that imports Odoo, default python3), KEEP_WORK=1 (keep
# the temporary folder with Odoo's and PostgreSQL's logs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
started=$SECONDS

check_odoo
ensure_test_tools
install_requirements
BRIDGES="${ISO_TEST_BRIDGES:-}"
if [ -n "$BRIDGES" ]; then
    install_bridge_requirements
    BRIDGE_MODULES="$(bridge_names)"
    BRIDGE_DEPS="$(bridge_dependencies)"
    [ -n "$BRIDGE_MODULES" ] || die "ISO_TEST_BRIDGES=1 but bridges/ holds no bridge."
    echo "Configuration: the two addons with the bridges ($BRIDGE_MODULES) and $BRIDGE_DEPS."
else
    echo "Configuration: the two addons alone (no bridge installed)."
fi

# --- PostgreSQL and the Odoo configuration --------------------------------------
DB="${ISO_TEST_DB_NAME:-iso10002_test}"
if [ -n "${ISO_TEST_DB_HOST:-}" ]; then
    DB_HOST="$ISO_TEST_DB_HOST"
    DB_PORT="${ISO_TEST_DB_PORT:-5432}"
    DB_USER="${ISO_TEST_DB_USER:-odoo}"
    DB_PASSWORD="${ISO_TEST_DB_PASSWORD:-}"
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/iso10002-test.XXXXXX")"
    on_exit '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"'
    # the filestore lives as long as the database
    DATA_DIR="$ROOT/.local/test-data"
    mkdir -p "$DATA_DIR"
    echo "Using PostgreSQL at $DB_HOST:$DB_PORT, database $DB."
else
    start_throwaway_pg iso10002-test
fi
write_odoo_conf --with-demo

# --- the database ------------------------------------------------------------------
t0=$SECONDS
state="nodb"
[ -n "${ISO_TEST_DB_HOST:-}" ] && state="$(db_module_state "$DB" iso10002_reports)"
if [ "$state" = installed ] && [ -n "${ISO_TEST_KEEP_DB:-}" ]; then
    echo "Reusing database $DB: updating iso10002_complaints and iso10002_reports..."
    odoo_step "updating the addons in $DB" -u iso10002_complaints,iso10002_reports
else
    if [ "$state" != nodb ]; then
        if [ -z "${ISO_TEST_KEEP_DB:-}" ]; then
            die "database $DB already exists at $DB_HOST: drop it, name another with ISO_TEST_DB_NAME, or reuse it with ISO_TEST_KEEP_DB=1."
        fi
        # kept from a run that did not finish installing: start again
        "${ODOO[@]}" db -c "$CONF" drop "$DB" >/dev/null 2>&1 || die "could not drop the half-installed database $DB."
    fi
    if [ -n "${ISO_TEST_DB_HOST:-}" ] && [ -z "${ISO_TEST_KEEP_DB:-}" ]; then
        on_exit '"${ODOO[@]}" db -c "$CONF" drop "$DB" >/dev/null 2>&1'
    fi
    echo "Creating database $DB: helpdesk_mgmt, helpdesk_mgmt_rating and resource with demo data..."
    odoo_step "installing the dependencies" -i helpdesk_mgmt,helpdesk_mgmt_rating,resource --with-demo
    echo "Installing iso10002_complaints and iso10002_reports..."
    odoo_step "installing iso10002_complaints and iso10002_reports" \
        -i iso10002_complaints,iso10002_reports --with-demo
fi
if [ -n "$BRIDGES" ]; then
    # one bridge at a time with its modules, as a company adds one module
    # at a time (each bridge then installs itself, auto_install); -i
    # installs what is missing, -u updates a bridge a kept database has
    for bridge in ${BRIDGE_MODULES//,/ }; do
        echo "Installing $bridge and $(bridge_dependencies "$bridge") in $DB..."
        odoo_step "installing $bridge" -i "$(bridge_dependencies "$bridge"),$bridge" \
            -u "$bridge" --with-demo
    done
    for bridge in ${BRIDGE_MODULES//,/ }; do
        state="$(db_module_state "$DB" "$bridge")"
        [ "$state" = installed ] || die "bridge $bridge is not installed in $DB (state: ${state:-unknown})."
    done
fi
echo "Database ready in $((SECONDS - t0)) s."

# --- the tests -----------------------------------------------------------------------
JUNIT="${ISO_TEST_JUNIT:-$ROOT/test-results/junit.xml}"
# pytest.ini's testpaths are the two addons and tests/; the bridges run adds
# bridges/ (unless a path to test is given)
TEST_PATHS=()
if [ -n "$BRIDGES" ]; then
    TEST_PATHS=(iso10002_complaints iso10002_reports tests bridges)
    for arg in "$@"; do
        if [ -e "${arg%%::*}" ]; then
            TEST_PATHS=()
            break
        fi
    done
fi
mkdir -p "$(dirname "$JUNIT")"
rm -f "$JUNIT"
t0=$SECONDS
set +e
"$PYTHON" -m pytest -c "$ROOT/pytest.ini" --rootdir "$ROOT" \
    --odoo-config "$CONF" --odoo-database "$DB" --odoo-http --odoo-log-level=warn \
    --junitxml "$JUNIT" -rfEs \
    "${TEST_PATHS[@]}" "$@"
status=$?
set -e
echo "pytest exited with $status after $((SECONDS - t0)) s (whole run: $((SECONDS - started)) s)."

if [ "$status" = 5 ]; then
    echo "FAILED: pytest collected no test (exit code 5)." >&2
    echo "tests: 0 passed, 0 failed"
    exit 5
fi
if [ ! -f "$JUNIT" ]; then
    echo "FAILED: pytest wrote no report ($JUNIT), exit code $status." >&2
    exit $((status == 0 ? 1 : status))
fi

# Read the report: a green run must have passed tests and must not have
# skipped a browser test (Odoo skips tours when Chrome or websocket-client is
# missing instead of failing them). Its last line is the plain summary.
"$PYTHON" - "$JUNIT" <<'PY' || { [ "$status" != 0 ] || status=1; }
import re
import sys
import xml.etree.ElementTree as ET

BROWSER = re.compile(r"chrom|browser|websocket|devtools|headless", re.IGNORECASE)
passed = failed = skipped = 0
problems = []
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif (skip := case.find("skipped")) is not None:
        skipped += 1
        reason = " ".join(filter(None, (skip.get("message"), skip.text))).strip()
        if BROWSER.search(reason):
            name = f"{case.get('classname')}.{case.get('name')}"
            problems.append(f"browser test skipped: {name}: {reason}")
    else:
        passed += 1
if not passed:
    problems.append("no test passed")
for problem in problems:
    print(f"FAILED: {problem}", file=sys.stderr)
sys.stderr.flush()
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if problems else 0)
PY
exit "$status"
