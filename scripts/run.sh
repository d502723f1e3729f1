#!/usr/bin/env bash
# A ready-to-use Odoo at http://localhost:8069 with both addons and demo data.
#
#   ./scripts/run.sh
#
# By default creates (first run) and starts its own PostgreSQL cluster in
# .local/ and stops it on exit. To use an existing server instead, set
# ISO_DB_HOST (and ISO_DB_PORT, ISO_DB_USER, ISO_DB_PASSWORD).
# ISO_DB_NAME (default iso10002) names the database, ISO_HTTP_PORT
# (default 8069) the port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

check_odoo
DB="${ISO_DB_NAME:-iso10002}"
HTTP_PORT="${ISO_HTTP_PORT:-8069}"
LOCAL="$ROOT/.local"
mkdir -p "$LOCAL"

if [ -n "${ISO_DB_HOST:-}" ]; then
    DB_HOST="$ISO_DB_HOST"
    DB_PORT="${ISO_DB_PORT:-5432}"
    DB_USER="${ISO_DB_USER:-odoo}"
    DB_PASSWORD="${ISO_DB_PASSWORD:-}"
else
    find_pg_bin
    PGDATA="$LOCAL/pgdata"
    DB_HOST="$LOCAL/pgsock"
    DB_PORT="${ISO_DB_PORT:-5433}"
    DB_USER="odoo"
    DB_PASSWORD=""
    [ "$(id -u)" = 0 ] && chmod 755 "$LOCAL"
    own_for_pg "$DB_HOST" "$LOCAL/pglog"
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        echo "Creating a PostgreSQL cluster in $PGDATA..."
        own_for_pg "$PGDATA"
        as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOCAL/pglog/postgresql.log" -w start \
            -o "-k $DB_HOST -p $DB_PORT -c listen_addresses=''" >/dev/null \
            || { tail -n 20 "$LOCAL/pglog/postgresql.log"; die "PostgreSQL did not start."; }
        trap 'as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true' EXIT
    fi
fi

install_requirements

CONF="$LOCAL/odoo.conf"
cat >"$CONF" <<CONF
[options]
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
${DB_PASSWORD:+db_password = $DB_PASSWORD}
db_name = $DB
dbfilter = ^$DB\$
addons_path = $ROOT
data_dir = $LOCAL/filestore
http_interface = 127.0.0.1
http_port = $HTTP_PORT
CONF

installed="$(PGPASSWORD="${ISO_DB_PASSWORD:-}" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB" -Atqc \
    "SELECT state FROM ir_module_module WHERE name = 'iso10002_reports'" 2>/dev/null || true)"
if [ "$installed" != "installed" ]; then
    echo "Creating database $DB with both addons and demo data (a few minutes)..."
    "${ODOO[@]}" -c "$CONF" -d "$DB" -i iso10002_complaints,iso10002_reports \
        --with-demo --stop-after-init --log-level=warn
fi

echo
echo "Odoo is at http://localhost:$HTTP_PORT  (login: admin, password: admin)"
echo "Complaints: Helpdesk > Complaints. Stop with Ctrl+C."
echo
"${ODOO[@]}" -c "$CONF" -d "$DB"
