#!/usr/bin/env bash
# Source this: starts a throw-away PostgreSQL cluster on 127.0.0.1 and exports
# BIOREGION_TEST_POSTGRES for the store tests. Call stop_test_postgres when done.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL is not installed; the PostgreSQL store tests will be skipped" >&2
  stop_test_postgres() { :; }
  return 0 2>/dev/null || exit 0
fi
pg_dir=$(mktemp -d /tmp/bioregion-pg.XXXXXX)
pg_port=${BIOREGION_PG_PORT:-55432}
chown postgres "$pg_dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $pg_port -k $pg_dir -h 127.0.0.1" -l "$pg_dir/log" -w start >/dev/null
export BIOREGION_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$pg_port/postgres"
stop_test_postgres() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
