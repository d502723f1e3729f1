#!/usr/bin/env bash
# Benchmarks and load tests against a real Odoo 19 and a throwaway PostgreSQL.
#
#   ./scripts/bench.sh [bench|load|http|all] [options of the Python scripts...]
#
# Starts its own PostgreSQL cluster (fsync off, like scripts/test.sh), creates
# a fresh database WITHOUT demo data (helpdesk_mgmt, helpdesk_mgmt_rating,
# resource, copied as <db>_plain, then iso10002_complaints and
# iso10002_reports), then:
#   bench: python3 tests/bench/bench.py   (table on stdout, JSON in .local/bench/)
#   load:  python3 tests/load/load.py     (starts odoo-bin --workers=4 itself;
#          spreadsheet_dashboard installed first, read during the intake)
#   http:  python3 tests/bench/bench_http.py (complaint vs plain creation over
#          JSON-RPC, acknowledgement latency idle and under 8 clients; starts
#          odoo-bin --workers=2 --max-cron-threads=1 itself; not part of "all")
# and stops everything it started. Results: .local/bench/*.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

WHAT="${1:-all}"
[ $# -gt 0 ] && shift
case "$WHAT" in bench|load|http|all) ;; *) die "usage: $0 [bench|load|http|all] [options]";; esac

check_odoo
find_pg_bin

start_throwaway_pg iso10002-bench -c max_connections=200
write_odoo_conf --without-demo
DB="iso10002_bench"
echo "Creating database $DB without demo data..."
install_modules helpdesk_mgmt,helpdesk_mgmt_rating,resource --without-demo=all
# helpdesk_mgmt alone, for what the ISO addons cost plain tickets
as_pg "$PG_BIN/createdb" -h "$PGSOCK" -p "$PGPORT" -U odoo -T "$DB" "${DB}_plain"
install_modules iso10002_complaints,iso10002_reports --without-demo=all

OUT="$ROOT/.local/bench"
mkdir -p "$OUT"
status=0
if [ "$WHAT" = bench ] || [ "$WHAT" = all ]; then
    # a template copy so that the load test starts from a clean database
    [ "$WHAT" = all ] && as_pg "$PG_BIN/createdb" -h "$PGSOCK" -p "$PGPORT" -U odoo -T "$DB" "${DB}_load"
    "$PYTHON" tests/bench/bench.py -c "$CONF" -d "$DB" --plain-database "${DB}_plain" \
        --json "$OUT/bench.json" "$@" || status=1
fi
if [ "$WHAT" = load ] || [ "$WHAT" = all ]; then
    LDB="$DB"; [ "$WHAT" = all ] && LDB="${DB}_load"
    # the Dashboards app: its complaints dashboard (iso10002_spreadsheet_dashboard
    # installs itself) is read during the intake; LOAD_SPREADSHEET=0 skips it
    [ "${LOAD_SPREADSHEET:-1}" = 0 ] || DB="$LDB" install_modules spreadsheet_dashboard --without-demo=all
    "$PYTHON" tests/load/load.py -c "$CONF" -d "$LDB" --json "$OUT/load.json" "$@" || status=1
fi
if [ "$WHAT" = http ]; then
    "$PYTHON" tests/bench/bench_http.py -c "$CONF" -d "$DB" --json "$OUT/bench_http.json" "$@" || status=1
fi
exit "$status"
