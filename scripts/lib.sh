#!/usr/bin/env bash
# Shared helpers of scripts/run.sh, scripts/test.sh and scripts/bench.sh
# (sourced, not run). Odoo 19 itself is a prerequisite: these scripts never
# install it, they only check that the Python interpreter imports it.
#
# Variables the scripts read:
#   PYTHON   the interpreter that imports Odoo 19 (default: python3)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
# Keep Python from writing __pycache__ folders into the addons.
export PYTHONDONTWRITEBYTECODE=1

die() { echo "error: $*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# --- cleanup on exit ---------------------------------------------------------
# on_exit CMD: run CMD (a string for eval) when the script exits, however it
# exits; commands run in reverse order of registration. INT and TERM become a
# normal exit so that the EXIT trap runs for them too.
_ON_EXIT=()
_run_on_exit() {
    local i
    for ((i = ${#_ON_EXIT[@]} - 1; i >= 0; i--)); do
        eval "${_ON_EXIT[$i]}" || true
    done
}
on_exit() {
    if [ ${#_ON_EXIT[@]} -eq 0 ]; then
        trap _run_on_exit EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
    fi
    _ON_EXIT+=("$1")
}

# --- Odoo ----------------------------------------------------------------------
# Odoo 19 must be importable by $PYTHON; one line of explanation otherwise.
# Sets ODOO: the command line of Odoo's CLI ("python3 -m odoo" works for an
# editable checkout and for a wheel alike, without knowing where odoo-bin is).
check_odoo() {
    local series
    if ! series="$("$PYTHON" -c 'import odoo.release as r; print(r.series)' 2>/dev/null)"; then
        die "Odoo 19.0 is not importable by '$PYTHON': install Odoo 19.0 Community for it (see README.md, Prerequisites)."
    fi
    if [ "$series" != "19.0" ]; then
        die "'$PYTHON' imports Odoo $series, these addons need Odoo 19.0 (see README.md, Prerequisites)."
    fi
    ODOO=("$PYTHON" -m odoo)
}

# Python dependencies of the addons and of the tests, from PyPI (quick and
# offline when they are already satisfied).
install_requirements() {
    "$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore \
        -r "$ROOT/requirements-test.txt" \
        || die "could not install the Python requirements (requirements-test.txt) from PyPI."
}

# --- bridges -----------------------------------------------------------------------
# bridges/ holds small auto-install addons that connect the two addons with
# other Odoo and OCA modules (bridges/README.md). It is on the addons path
# of every configuration; a bridge installs itself once its dependencies are.
BRIDGES_DIR="$ROOT/bridges"

# The OCA modules the bridges connect to (requirements-bridges.txt), from PyPI.
install_bridge_requirements() {
    "$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore \
        -r "$ROOT/requirements-bridges.txt" \
        || die "could not install the bridges' OCA modules (requirements-bridges.txt) from PyPI."
}

# Comma-separated names of the bridges (folders of bridges/ with a manifest).
bridge_names() {
    local manifest names=()
    for manifest in "$BRIDGES_DIR"/*/__manifest__.py; do
        [ -f "$manifest" ] && names+=("$(basename "$(dirname "$manifest")")")
    done
    (IFS=,; echo "${names[*]}")
}

# Comma-separated Odoo modules the bridges depend on (those of bridge $1
# only, when given), besides the two addons and the bridges themselves
# (read from the bridges' manifests).
bridge_dependencies() {
    "$PYTHON" - "$BRIDGES_DIR" "${1:-*}" <<'PY'
import ast
import pathlib
import sys

folder = pathlib.Path(sys.argv[1])
ours = {"iso10002_complaints", "iso10002_reports"}
ours |= {manifest.parent.name for manifest in folder.glob("*/__manifest__.py")}
deps = set()
for manifest in sorted(folder.glob(f"{sys.argv[2]}/__manifest__.py")):
    deps.update(ast.literal_eval(manifest.read_text(encoding="utf-8"))["depends"])
print(",".join(sorted(deps - ours)))
PY
}

# System tools of the tests: wkhtmltopdf (PDF reports), chromium (browser
# tours), pdftotext (reading the PDFs back). Root installs what is missing
# from Debian; anyone else is told what to install.
ensure_test_tools() {
    local missing=()
    command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    # the PDFs embed the server's fonts as text (report_fonts.scss)
    fc-list 2>/dev/null | grep -q "DejaVu Sans" || missing+=(fonts-dejavu-core)
    [ ${#missing[@]} -eq 0 ] && return
    if is_root && command -v apt-get >/dev/null 2>&1; then
        echo "Installing ${missing[*]} with apt-get..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends wkhtmltopdf chromium poppler-utils fonts-dejavu-core >/dev/null \
            || die "apt-get could not install wkhtmltopdf chromium poppler-utils fonts-dejavu-core."
    else
        die "missing ${missing[*]}: install them (Debian: sudo apt-get install wkhtmltopdf chromium poppler-utils fonts-dejavu-core) and retry."
    fi
}

# Run Odoo once with --stop-after-init against $CONF and $DB, e.g.
#   odoo_step "installing X" -i X --with-demo
# Odoo's log goes to a file; on failure (exit code or an ERROR/CRITICAL line)
# its end is shown and the script stops.
odoo_step() {
    local what="$1"
    shift
    local log="${LOG_DIR:-${WORK:-$ROOT/.local}}/odoo-$(date +%s%N).log"
    if ! "${ODOO[@]}" -c "$CONF" -d "$DB" "$@" --stop-after-init --log-level=warn >"$log" 2>&1 \
            || grep -qE "^[-0-9]+ [:,0-9]+ [0-9]+ (ERROR|CRITICAL) " "$log"; then
        echo "--- end of Odoo's log ($log) ---" >&2
        tail -n 60 "$log" >&2
        die "$what failed."
    fi
}

# install_modules MODULES DEMO (--with-demo or --without-demo): install in $DB.
install_modules() {
    local demo="${2:---with-demo}"
    [ "$demo" = "--without-demo=all" ] && demo="--without-demo"
    odoo_step "installing $1" -i "$1" "$demo"
}

# db_module_state DB MODULE: prints "nodb" when the database does not exist,
# "" when the module is unknown, else its state ("installed", ...).
# Uses $DB_HOST, $DB_PORT, $DB_USER, $DB_PASSWORD (psycopg2 comes with Odoo).
db_module_state() {
    DB_NAME="$1" MODULE="$2" DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_USER="$DB_USER" \
        DB_PASSWORD="${DB_PASSWORD:-}" "$PYTHON" - <<'PY'
import os
import psycopg2

env = os.environ
params = dict(host=env["DB_HOST"], port=env["DB_PORT"], user=env["DB_USER"])
if env["DB_PASSWORD"]:
    params["password"] = env["DB_PASSWORD"]
try:
    admin = psycopg2.connect(dbname="postgres", **params)
except psycopg2.OperationalError as error:
    raise SystemExit(f"error: cannot connect to PostgreSQL: {str(error).strip()}")
with admin, admin.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (env["DB_NAME"],))
    exists = cr.fetchone()
admin.close()
if not exists:
    print("nodb")
    raise SystemExit
db = psycopg2.connect(dbname=env["DB_NAME"], **params)
with db, db.cursor() as cr:
    cr.execute("SELECT to_regclass('ir_module_module')")
    state = ""
    if cr.fetchone()[0]:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", (env["MODULE"],))
        row = cr.fetchone()
        state = row[0] if row else ""
db.close()
print(state)
PY
}

# --- PostgreSQL ------------------------------------------------------------------
# PostgreSQL server binaries (initdb, pg_ctl): PATH first, then Debian's layout.
# Sets PG_BIN.
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

# Run a PostgreSQL server command as the owner of the cluster: initdb and
# postgres refuse to run as root, so root delegates to the 'postgres' user.
as_pg() {
    if is_root; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Create folders that the cluster owner can write to.
own_for_pg() {
    mkdir -p "$@"
    if is_root; then
        id postgres >/dev/null 2>&1 \
            || die "as root, PostgreSQL runs as the 'postgres' system user, which does not exist here."
        chown postgres: "$@"
    fi
}

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A throwaway PostgreSQL cluster in a new temporary folder, stopped and
# removed on exit (KEEP_WORK=1 keeps the folder).
#   start_throwaway_pg PREFIX [extra postgres options...]
# Sets WORK, PGDATA, PGSOCK, PGPORT and DB_HOST, DB_PORT, DB_USER, DB_PASSWORD.
start_throwaway_pg() {
    local prefix="$1"
    shift
    find_pg_bin
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")"
    chmod 755 "$WORK"
    on_exit '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"'
    PGDATA="$WORK/pgdata"
    PGSOCK="$WORK/pgsock"
    own_for_pg "$PGDATA" "$PGSOCK" "$WORK/pglog"
    PGPORT="$(free_port)"
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; die "initdb failed."; }
    on_exit 'as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1'
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/pglog/postgresql.log" -w start -o \
        "-k $PGSOCK -p $PGPORT -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off $*" \
        >/dev/null || { cat "$WORK/pglog/postgresql.log" >&2; die "PostgreSQL did not start."; }
    DB_HOST="$PGSOCK"
    DB_PORT="$PGPORT"
    DB_USER=odoo
    DB_PASSWORD=""
}

# Odoo configuration file for DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, the addons
# of this repository, data in $DATA_DIR (default $WORK/data), HTTP on a free
# port of 127.0.0.1, demo data per $1 (--with-demo, the default, or
# --without-demo). Sets CONF (default $WORK/odoo.conf).
write_odoo_conf() {
    local without_demo=False
    case "${1:---with-demo}" in
        --with-demo) ;;
        --without-demo*) without_demo=True ;;
        *) die "write_odoo_conf: unknown option $1" ;;
    esac
    CONF="${CONF:-$WORK/odoo.conf}"
    cat >"$CONF" <<CONF
[options]
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
${DB_PASSWORD:+db_password = $DB_PASSWORD}
addons_path = $ROOT,$BRIDGES_DIR
data_dir = ${DATA_DIR:-$WORK/data}
without_demo = $without_demo
http_interface = 127.0.0.1
http_port = $(free_port)
workers = 0
max_cron_threads = 0
list_db = False
CONF
}
