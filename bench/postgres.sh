#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 cluster for the scale harness, like the test fixture does:
# Debian's binaries, a fresh data folder under /tmp, trust authentication on 127.0.0.1 only.
#   bench/postgres.sh start [PORT]   prints the connection string to pass as --db
#   bench/postgres.sh stop
# The cluster runs as the postgres user when started by root (PostgreSQL refuses to run as root).
set -euo pipefail
root=${IMR_BENCH_PG_ROOT:-/tmp/imr-bench-pg}
port=${2:-55432}
bin=$(pg_config --bindir 2>/dev/null || true)
[ -x "${bin:-/nonexistent}/initdb" ] || bin=/usr/lib/postgresql/15/bin
as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)

case "${1:-}" in
  start)
    if [ ! -d "$root/data" ]; then
      mkdir -p "$root/socket"
      [ ${#as[@]} -gt 0 ] && chown -R postgres: "$root"
      "${as[@]}" "$bin/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C --no-instructions >/dev/null
    fi
    # Durable settings (fsync on); memory sized for a 24 GiB machine that also runs the importer.
    "${as[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -o \
      "-p $port -k $root/socket -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c maintenance_work_mem=512MB -c work_mem=32MB -c max_wal_size=8GB -c checkpoint_timeout=15min -c effective_cache_size=12GB" \
      start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    "${as[@]}" "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null || true
    rm -rf "$root"
    ;;
  *)
    echo "usage: bench/postgres.sh start [PORT] | stop" >&2
    exit 2
    ;;
esac
