#!/usr/bin/env bash
# Benchmark of `dotnet agt report` (docs/report.md#speed): a repository of AGT_BENCH_TESTS agent tests
# (default 10,000; build/ReportBenchmark writes the project, its current inventory and the review
# files) with a history of AGT_BENCH_RUNS CI runs of them (default 100, from build/HistoryBenchmark's
# run records, imported by the real tool) and the latest record in TestResults. Times the real tool's
# `report` on the terminal and in each format, three rounds each. Target: 2 s.
#
# Each line gives the wall clock, the CPU time (user + system), the peak resident memory and the size
# of what was written. On a shared machine the wall clock includes waiting for a core; the CPU time is
# the steadier figure.
#
# AGT_BENCH_TIMINGS=1 also prints each round's phase timings (AGENTTESTGUARD_TIMINGS, standard error);
# AGT_BENCH_KEEP=1 keeps the generated repository and prints where it is, to time it again by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=${AGT_BENCH_TESTS:-10000}
runs=${AGT_BENCH_RUNS:-100}

source build/benchmark-common.sh
quiet dotnet build src/AgentTestGuard.Tool -c Release -f net10.0 -v q -nologo
quiet dotnet build build/HistoryBenchmark -c Release -v q -nologo
quiet dotnet build build/ReportBenchmark -c Release -v q -nologo
tool="dotnet $PWD/src/AgentTestGuard.Tool/bin/Release/net10.0/AgentTestGuard.Tool.dll"
records="dotnet $PWD/build/HistoryBenchmark/bin/Release/net10.0/HistoryBenchmark.dll"
repository="dotnet $PWD/build/ReportBenchmark/bin/Release/net10.0/ReportBenchmark.dll"

[ "${AGT_BENCH_TIMINGS:-}" = 1 ] && export AGENTTESTGUARD_TIMINGS=1
repo=$work/repo
# The temp folder is outside this repository: no Directory.Build.props or package settings of ours apply.
$repository "$repo" "$tests"
$records generate "$work/records" "$tests" "$runs"
(cd "$repo" && $tool history import "$work/records" >/dev/null)
mkdir -p "$repo/tests/Bench.Tests/bin/Debug/net10.0/TestResults"
cp "$(ls "$work"/records/*.agentrun.json | sort | tail -n 1)" "$repo/tests/Bench.Tests/bin/Debug/net10.0/TestResults/"
# The import recorded the history's false alarms in the incident log; a build would now write the
# inventory again (the log is one of its inputs), and the report would start that build: stand for it.
touch "$repo"/tests/Bench.Tests/obj/Debug/net10.0/*.agenttests.json
echo "history: $(du -h "$repo/.agenttestguard/history.sqlite" | cut -f1); inventory: $(du -h "$repo"/tests/Bench.Tests/obj/Debug/net10.0/*.agenttests.json | cut -f1)"

measure() {
  local name=$1 out=$2; shift 2
  for round in 1 2 3; do
    rm -f "$out"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
    read -r wall user system peak <"$work/time"
    local size; size=$(stat -c %s "${out:-$work/stdout}" 2>/dev/null || echo 0)
    printf '%-10s round %d: %5.2f s wall, %5.2f s CPU, %4d MB peak, %s bytes written\n' \
      "$name" "$round" "$wall" "$(echo "$user + $system" | bc)" "$((peak / 1024))" "$size"
    if [ "${AGT_BENCH_TIMINGS:-}" = 1 ]; then sed 's/^/    /' "$work/stderr"; fi
  done
}

cd "$repo"
measure terminal "" $tool report
measure markdown "$work/report.md" $tool report --markdown "$work/report.md"
measure json "$work/report.json" $tool report --json "$work/report.json"
if $tool report --help | grep -q -- --html; then
  measure html "$work/report.html" $tool report --html "$work/report.html"
else
  echo "html: not in this build of the tool"
fi
