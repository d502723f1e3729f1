#!/usr/bin/env bash
# Shared helpers of scripts/run.sh and scripts/test.sh (sourced, not run).
# Odoo 19 itself is a prerequisite: these scripts never install it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

die() { echo "error: $*" >&2; exit 1; }

# Odoo 19 must be importable by the interpreter CI uses.
check_odoo() {
    local version
    if ! version="$("$PYTHON" -c 'import odoo.release as r; print(r.series)' 2>/dev/null)"; then
        die "Odoo 19.0 is not importable by $PYTHON: install Odoo 19.0 Community (see README.md, Prerequisites) and retry."
    fi
    [ "$version" = "19.0" ] || die "$PYTHON imports Odoo $version; these addons need Odoo 19.0 (see README.md)."
    ODOO_BIN="$("$PYTHON" - <<'PY'
import os, odoo.release
root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.release.__file__)))
path = os.path.join(root, "odoo-bin")
print(path if os.path.exists(path) else "")
PY
)"
    if [ -n "$ODOO_BIN" ]; then
        ODOO=("$PYTHON" "$ODOO_BIN")
    else
        ODOO=("$PYTHON" -m odoo)
    fi
}

# PostgreSQL server binaries (initdb, pg_ctl): PATH first, then Debian's layout.
find_pg_bin() {
    local candidate
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        PG_BIN="$(dirname "$(readlink -f "$(command -v initdb)")")"
        return
    fi
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            PG_BIN="$candidate"
            return
        fi
    done
    die "PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL (Debian: apt-get install postgresql)."
}

# Run a PostgreSQL command as the owner of the cluster: initdb and postgres
# refuse to run as root, so root delegates to the 'postgres' system user.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Prepare a directory the cluster owner can write to.
own_for_pg() {
    mkdir -p "$@"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user to own the PostgreSQL cluster."
        chown postgres: "$@"
    fi
}

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Python dependencies of the addons and of the tests, from PyPI.
install_requirements() {
    if ! "$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore -r "$ROOT/requirements-test.txt"; then
        die "could not install the Python requirements (requirements-test.txt) from PyPI."
    fi
}

# A throwaway PostgreSQL cluster in a new temporary folder ($1: its name
# prefix, further arguments: extra postgres options), stopped and removed on
# exit (KEEP_WORK=1 keeps the folder). Sets WORK, PGDATA, PGSOCK, PGPORT.
start_throwaway_pg() {
    local prefix="$1"
    shift
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")"
    chmod 755 "$WORK"
    PGDATA="$WORK/pgdata"
    PGSOCK="$WORK/pgsock"
    local pglog="$WORK/pglog"
    own_for_pg "$PGDATA" "$PGSOCK" "$pglog"
    PGPORT="$(free_port)"
    trap 'as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log"; die "initdb failed."; }
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$pglog/postgresql.log" -w start -o \
        "-k $PGSOCK -p $PGPORT -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off $*" \
        >/dev/null || { cat "$pglog/postgresql.log"; die "PostgreSQL did not start."; }
}

# Odoo configuration for the throwaway cluster. Sets CONF.
write_odoo_conf() {
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
}

# Install modules in $DB ($1: modules, $2: --with-demo or --without-demo=all);
# fails with the end of Odoo's log on any error.
install_modules() {
    local modules="$1" demo="$2" log="$WORK/install-$1.log"
    if ! "${ODOO[@]}" -c "$CONF" -d "$DB" -i "$modules" "$demo" --stop-after-init \
            --log-level=warn >"$log" 2>&1 || grep -qE " (ERROR|CRITICAL) " "$log"; then
        tail -n 60 "$log"
        die "installing $modules failed."
    fi
}
