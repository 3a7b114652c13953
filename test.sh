#!/usr/bin/env bash
# Runs every test of OpenIMR from a clean clone. Installs what the tests need and is missing
# (Debian's PostgreSQL 15 server, chromium for browser tests, poppler-utils for the PDF
# benchmark's reference), builds with warnings as errors, checks code style, runs every test project, and ends
# with one "N passed, N failed, N skipped" line.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
pg_bin=$(pg_config --bindir 2>/dev/null || true)
[ -x "${pg_bin:-/nonexistent}/initdb" ] || [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15 libpq-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build OpenImr.slnx -c Release -warnaserror
# Code style as .editorconfig states it: a file that dotnet format would change fails the run.
dotnet format OpenImr.slnx --verify-no-changes --no-restore
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution OpenImr.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# Microsoft.Testing.Platform prints per-run counters; add them up into the one line CI reads.
awk '/^[[:space:]]*failed:/{f+=$2} /^[[:space:]]*succeeded:/{p+=$2} /^[[:space:]]*skipped:/{s+=$2}
     END{printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
