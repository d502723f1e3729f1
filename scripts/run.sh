#!/usr/bin/env bash
# A ready-to-use Odoo at http://localhost:8069 with both addons and demo data.
#
#   ./scripts/run.sh            (Ctrl+C stops Odoo and the PostgreSQL it started)
#
# By default it runs its own PostgreSQL cluster in .local/pgdata (created on
# the first run; socket in .local/pgsock, no TCP), creates the database with
# both addons and their demo data when it does not exist yet, then serves Odoo
# in the foreground. As root, the cluster belongs to the 'postgres' system
# user. Environment variables:
#   ISO_DB_HOST         use this PostgreSQL server instead of .local/ (host or
#                       socket folder); with ISO_DB_PORT (default 5432),
#                       ISO_DB_USER (default odoo), ISO_DB_PASSWORD
#   ISO_DB_NAME         database name (default iso10002)
#   ISO_HTTP_PORT       HTTP port (default 8069)
#   ISO_UPDATE=1        update both addons (-u) before serving, after a change
#                       of fields, views, data or access rules
#   PYTHON              interpreter that imports Odoo 19 (default python3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

check_odoo
install_requirements

DB="${ISO_DB_NAME:-iso10002}"
HTTP_PORT="${ISO_HTTP_PORT:-8069}"
LOCAL="$ROOT/.local"
mkdir -p "$LOCAL"
LOG_DIR="$LOCAL"

if [ -n "${ISO_DB_HOST:-}" ]; then
    DB_HOST="$ISO_DB_HOST"
    DB_PORT="${ISO_DB_PORT:-5432}"
    DB_USER="${ISO_DB_USER:-odoo}"
    DB_PASSWORD="${ISO_DB_PASSWORD:-}"
else
    # --- our own cluster in .local/ ---------------------------------------------------
    find_pg_bin
    PGDATA="$LOCAL/pgdata"
    DB_HOST="$LOCAL/pgsock"
    DB_PORT="${ISO_DB_PORT:-5433}"
    DB_USER=odoo
    DB_PASSWORD=""
    # a Unix socket path is at most 107 bytes long
    [ ${#DB_HOST} -le 90 ] || die "the checkout's path is too long for PostgreSQL's socket ($DB_HOST): move it, or use ISO_DB_HOST."
    if is_root; then
        chmod 755 "$LOCAL"
        own_for_pg "$PGDATA" "$DB_HOST" "$LOCAL/pglog"
        runuser -u postgres -- test -w "$PGDATA" \
            || die "the 'postgres' user cannot reach $LOCAL (is a parent folder private?): move the checkout, or use ISO_DB_HOST."
    else
        mkdir -p "$PGDATA" "$DB_HOST" "$LOCAL/pglog"
        chmod 700 "$PGDATA"
    fi
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        echo "Creating a PostgreSQL cluster in $PGDATA..."
        as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >"$LOCAL/pglog/initdb.log" 2>&1 \
            || { cat "$LOCAL/pglog/initdb.log" >&2; die "initdb failed."; }
    fi
    if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
        echo "PostgreSQL is already running in $PGDATA: using it (and leaving it running)."
    else
        as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOCAL/pglog/postgresql.log" -w start \
            -o "-k $DB_HOST -p $DB_PORT -c listen_addresses=''" >/dev/null \
            || { tail -n 20 "$LOCAL/pglog/postgresql.log" >&2; die "PostgreSQL did not start."; }
        on_exit 'echo "Stopping PostgreSQL..."; as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1'
    fi
fi

# --- Odoo's configuration and the database ---------------------------------------------
CONF="$LOCAL/odoo.conf"
DATA_DIR="$LOCAL/filestore"  # (Odoo adds filestore/<db>)
write_odoo_conf --with-demo
# this instance serves one database on a fixed port, with its cron jobs
sed -i -e "s/^http_port = .*/http_port = $HTTP_PORT/" -e "/^max_cron_threads = /d" "$CONF"
printf 'db_name = %s\ndbfilter = ^%s$\n' "$DB" "$DB" >>"$CONF"

state="$(db_module_state "$DB" iso10002_reports)"
if [ "$state" = nodb ]; then
    echo "Creating database $DB with both addons and demo data (a few minutes)..."
    odoo_step "creating database $DB" -i iso10002_complaints,iso10002_reports --with-demo
elif [ "$state" != installed ]; then
    echo "Installing both addons in database $DB..."
    odoo_step "installing the addons in $DB" -i iso10002_complaints,iso10002_reports
elif [ -n "${ISO_UPDATE:-}" ]; then
    echo "Updating both addons in database $DB..."
    odoo_step "updating the addons in $DB" -u iso10002_complaints,iso10002_reports
fi

# --- serve ---------------------------------------------------------------------------------
echo
echo "Odoo: http://localhost:$HTTP_PORT   login: admin   password: admin"
echo "Complaints are under Helpdesk. Stop with Ctrl+C."
echo
# Odoo runs as a child that we wait for, so that INT or TERM sent to this
# script stop Odoo (forwarded as TERM) and then, through the exit trap, the
# PostgreSQL it uses.
"${ODOO[@]}" -c "$CONF" &
odoo_pid=$!
stop_odoo() { kill -TERM "$odoo_pid" 2>/dev/null || true; }
trap stop_odoo INT TERM
status=0
while kill -0 "$odoo_pid" 2>/dev/null; do
    wait "$odoo_pid" || status=$?
done
exit "$status"
