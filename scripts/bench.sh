#!/usr/bin/env bash
# Benchmarks and load tests against a real Odoo 19 and a throwaway PostgreSQL.
#
#   ./scripts/bench.sh [bench|load|all] [options of the Python scripts...]
#
# Starts its own PostgreSQL cluster (fsync off, like scripts/test.sh), creates
# a fresh database WITHOUT demo data (helpdesk_mgmt, helpdesk_mgmt_rating,
# resource, then iso10002_complaints and iso10002_reports), then:
#   bench: python3 tests/bench/bench.py   (table on stdout, JSON in .local/bench/)
#   load:  python3 tests/load/load.py     (starts odoo-bin --workers=4 itself)
# and stops everything it started. Results: .local/bench/*.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

WHAT="${1:-all}"
[ $# -gt 0 ] && shift
case "$WHAT" in bench|load|all) ;; *) die "usage: $0 [bench|load|all] [options]";; esac

check_odoo
find_pg_bin

WORK="$(mktemp -d "${TMPDIR:-/tmp}/iso10002-bench.XXXXXX")"
chmod 755 "$WORK"
PGDATA="$WORK/pgdata"
PGSOCK="$WORK/pgsock"
PGLOG="$WORK/pglog"
own_for_pg "$PGDATA" "$PGSOCK" "$PGLOG"
PGPORT="$(free_port)"
cleanup() {
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; die "initdb failed."; }
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGLOG/postgresql.log" -w start -o \
    "-k $PGSOCK -p $PGPORT -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    >/dev/null || { cat "$PGLOG/postgresql.log"; die "PostgreSQL did not start."; }

DB="iso10002_bench"
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

install_modules() {
    local modules="$1" log="$WORK/install-$1.log"
    if ! "${ODOO[@]}" -c "$CONF" -d "$DB" -i "$modules" --without-demo=all --stop-after-init \
            --log-level=warn >"$log" 2>&1 || grep -qE " (ERROR|CRITICAL) " "$log"; then
        tail -n 60 "$log"
        die "installing $modules failed."
    fi
}
echo "Creating database $DB without demo data..."
install_modules helpdesk_mgmt,helpdesk_mgmt_rating,resource
install_modules iso10002_complaints,iso10002_reports

OUT="$ROOT/.local/bench"
mkdir -p "$OUT"
status=0
if [ "$WHAT" = bench ] || [ "$WHAT" = all ]; then
    # a template copy so that the load test starts from a clean database
    [ "$WHAT" = all ] && as_pg "$PG_BIN/createdb" -h "$PGSOCK" -p "$PGPORT" -U odoo -T "$DB" "${DB}_load"
    "$PYTHON" tests/bench/bench.py -c "$CONF" -d "$DB" --json "$OUT/bench.json" "$@" || status=1
fi
if [ "$WHAT" = load ] || [ "$WHAT" = all ]; then
    LDB="$DB"; [ "$WHAT" = all ] && LDB="${DB}_load"
    "$PYTHON" tests/load/load.py -c "$CONF" -d "$LDB" --json "$OUT/load.json" "$@" || status=1
fi
exit "$status"
