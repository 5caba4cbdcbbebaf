#!/usr/bin/env bash
# Benchmark of the history (docs/metrics.md): generates 1,000,000 results as real run records
# (AGT_BENCH_TESTS agent tests x AGT_BENCH_RUNS runs, default 10,000 x 100), then times the real
# tool's `history import` into a fresh store, a repeated import, and `metrics --json` (three
# rounds), on SQLite and, when Debian's postgresql package is installed, on a throwaway
# PostgreSQL server (initdb + pg_ctl on a free 127.0.0.1 port, as nobody when run as root).
# Targets: import <= 10 s, metrics <= 2 s and <= 300 MB peak.
#
# Each line gives the wall clock, the CPU time (user + system) and the peak resident memory. On a
# shared machine the wall clock includes waiting for a core; the CPU time is the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=${AGT_BENCH_TESTS:-10000}
runs=${AGT_BENCH_RUNS:-100}

dotnet build src/AgentTestGuard.Tool -c Release -f net10.0 -v q -nologo >/dev/null
dotnet build build/HistoryBenchmark -c Release -v q -nologo >/dev/null
tool=$PWD/src/AgentTestGuard.Tool/bin/Release/net10.0/AgentTestGuard.Tool.dll
bench="dotnet $PWD/build/HistoryBenchmark/bin/Release/net10.0/HistoryBenchmark.dll"

work=$(mktemp -d)
pg_data=""
cleanup() {
  if [ -n "$pg_data" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/repo/.git"
$bench generate "$work/repo/records" "$tests" "$runs"

echo "== SQLite"
$bench measure "$tool" "$work/repo/history.sqlite" "$work/repo/records" "$work/repo" 3
echo "   store: $(du -h "$work/repo/history.sqlite" | cut -f1)"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  echo "== PostgreSQL: not installed (apt-get install postgresql); skipped"
  exit 0
fi
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
mkdir -p "$work/pg"
if [ "$(id -u)" -eq 0 ]; then chown nobody:nogroup "$work/pg"; chmod 755 "$work"; fi
port=$($bench port)
run_pg "$pg_bin/initdb" -D "$work/pg/data" -U agt --auth=trust -E UTF8 --no-sync --no-instructions >/dev/null
pg_data=$work/pg/data
run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w \
  -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
rm -f "$work/repo/agenttestguard.incidents.jsonl"
echo "== PostgreSQL $(basename "$(dirname "$pg_bin")")"
$bench measure "$tool" "Host=127.0.0.1;Port=$port;Username=agt;Database=postgres" "$work/repo/records" "$work/repo" 3
