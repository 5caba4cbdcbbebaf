#!/usr/bin/env bash
# Benchmark of the run-time cost of AgentTestGuard on a test run (target: a run with the package
# takes at most 3% longer than the same run without it, for a 10,000-test assembly with 2,000
# agent tests).
#
# What it does:
#  1. packs the package once, with a unique prerelease version, into a feed in a temporary
#     directory (its own nuget.config and global.json; the machine's package cache is used, so
#     nothing else is downloaded, and the packed version is removed from it at the end);
#  2. generates the same xunit v3 test project (Microsoft.Testing.Platform runner; by default
#     100 classes x 100 trivial [Fact]s) in five variants (six with hooks) and builds each in Release:
#       plain       no AgentTestGuard, no TRX report (the same methods without agent attributes)
#       tags        no AgentTestGuard, but the same agent tests tagged: the package's attribute
#                   sources are compiled into the project. What tagging costs by itself (xunit
#                   reads every attribute of a test, whoever made it), apart from the extension
#       agt         AgentTestGuard; 2,000 of the tests are agent tests (copilot, CART-1)
#       hooks       no AgentTestGuard, no tags, but an inert extension registered at the extension
#                   points the package's extension uses, the same way, doing nothing: what the platform charges
#                   for hosting such an extension (only when AGT_BENCH_VARIANTS names it)
#       trx         no AgentTestGuard, Microsoft.Testing.Extensions.TrxReport, run with --report-trx
#       agt+trx     AgentTestGuard and the TRX report, run with --report-trx
#     (the TRX report makes the platform run the tests in a child test host, so its pair is
#     compared separately: like with like);
#  3. runs each test app directly (dotnet bin/Release/net10.0/Bench.Tests.dll), without CI
#     variables, once to warm up and then AGT_BENCH_RUNS times (default 7), interleaving the
#     variants (the starting variant rotates every round) to spread machine noise, and times
#     each whole process (wall clock from before `dotnet` starts to after it exits, and CPU time). Every run
#     must exit 0 with every test passed, or the script fails.
#
# Reading the output: for wall time, then for CPU time (user + system), one line per variant with
# min / median / mean / max in ms, then the ratios with-package / without-package (median and min)
# for the plain pair (agt / plain) and the TRX pair (agt+trx / trx). A ratio of 1.020 means the package adds 2%; the target is <= 1.03.
# Two more ratios split the plain pair's: tags / plain is what the tags cost by themselves, agt / tags
# what the package adds to tagged tests (its extension, and its attributes living in another assembly).
# With the hooks variant, hooks / plain is what the platform charges for an extension shaped like
# the package's, whatever it does: the rest of agt / plain is the package's own work.
# The median is the figure to quote; the min shows the cost on an undisturbed run; "round by
# round" is the median of the ratios of runs made in the same round, the steadiest on a shared
# machine. With few runs on a busy machine, differences of 1-2% are within noise: raise
# AGT_BENCH_RUNS to check. For the round-by-round median, a 95% interval (bootstrap) says whether
# the runs decide the target: within it with confidence (the whole interval at or below 1.03),
# above it with confidence, or not decided.
#
# Then the paired measurement, which a busy shared machine disturbs far less: each with-package
# variant runs at the same time as its without-package pair, each pinned to a core of its own
# (taskset), the two swapping cores every round, so both runs of a round meet the same neighbours.
# The two cores of a virtual machine need not be equally fast (on this one, runs on one took 20 to
# 45% longer than on the other, for hours), so a single round's ratio says as much about the cores as
# about the package: each ratio counted is that of two consecutive rounds, one each way round (the
# geometric mean of their ratios), and the rounds are rounded up to an even number.
# A run on one core measures the package's whole cost (its work on other threads included), which
# is also the wall time of a one-core CI agent. It prints the median of those two-round ratios and
# their middle half (quartiles) to show how steady they were, and a 95% interval of the median.
#
# After each measurement, where the difference falls: every variant of the suite carries the same
# small Microsoft.Testing.Platform extension (the phase probe; inert unless AGT_BENCH_PHASES is set,
# which the timed runs do), which notes the process's CPU time when the test session starts and
# when its end is announced, before any other extension's end-of-session work. Per phase (until the
# session, the session itself, after it), the script prints the median and middle half of the
# rounds' differences, with minus without, in ms: the first and last phases vary by a few ms from
# run to run, where the whole run varies by more than the package's cost. Then the same for the
# session's garbage collections: the collector's pause in ms and its collections of each
# generation (a collection counts in every generation it includes). These counts hardly vary
# from run to run, and show what the package keeps alive while the tests run, which the session's
# time cannot. Last, per phase, the ms the JIT spent and the methods it compiled: a test run
# compiles code until it ends, and the methods a package's code brings in (or makes other code
# compile, like reflection's invoke stubs) show as a count that hardly varies from run to run.
# With the TRX report the tests run in a child test host, and the phases are that process's.
#
# Last, the tagging cost: xunit v3's own reads of a test method's attributes, timed warm on one
# thread for a method tagged each way (part of every run's cost, whatever the extension does).
# And the inventory read the extension starts every run with: as a test app reads it (once per
# process, precompiled code, nothing optimized yet), then in the harness, cold and warm, with what
# it allocates.
#
# Usage: build/benchmark-run.sh
#   AGT_BENCH_RUNS=N        timed runs per variant (default 7)
#   AGT_BENCH_CLASSES=N     test classes (default 100)
#   AGT_BENCH_TESTS=N       tests per class (default 100)
#   AGT_BENCH_AGENT=N       agent tests in the AgentTestGuard variants (default 2000)
#   AGT_BENCH_TAGS=fact|one|two  how agent tests are tagged: fact, [AgentFact("copilot", "CART-1")]
#                           (default, the README's form for xunit v3: the test attribute with the tag
#                           built in); one, [Fact, AgentGenerated("copilot", Criteria = ["CART-1"])]
#                           (the form for any framework); two, [Fact, AgentGenerated("copilot"),
#                           AcceptanceCriteria("CART-1")]
#   AGT_BENCH_VARIANTS="..."  the variants to build and run (default "plain tags agt trx agt+trx";
#                           hooks only when named here;
#                           agt always among them); pairs of which one is left out are not compared
#   AGT_BENCH_PAIRED=N      rounds of the paired measurement (default 15; 0 skips it; needs taskset)
#   AGT_KEEP_BENCH=1        keep the temporary directory (its path is printed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${AGT_BENCH_RUNS:-7}
paired_runs=${AGT_BENCH_PAIRED:-15}
classes=${AGT_BENCH_CLASSES:-100}
per_class=${AGT_BENCH_TESTS:-100}
agent_tests=${AGT_BENCH_AGENT:-2000}
tags=${AGT_BENCH_TAGS:-fact}
[[ $tags == fact || $tags == one || $tags == two ]] || { echo "AGT_BENCH_TAGS must be fact, one or two"; exit 2; }
# AGT_BENCH_VARIANTS picks some of the variants (agt always among them; hooks only when named), for a longer series of the pairs
# that matter: each variant left out shortens every round by a run.
read -r -a variants <<<"${AGT_BENCH_VARIANTS:-plain tags agt trx agt+trx}"
for v in "${variants[@]}"; do
  [[ " plain tags hooks agt trx agt+trx " == *" $v "* ]] || { echo "AGT_BENCH_VARIANTS: unknown variant '$v' (plain, tags, hooks, agt, trx, agt+trx)"; exit 2; }
done
[[ " ${variants[*]} " == *" agt "* ]] || { echo "AGT_BENCH_VARIANTS must include agt"; exit 2; }
# The pairs compared: with / without the package, then the plain pair split at the tags.
pairs=()
for pair in "agt plain" "agt+trx trx" "tags plain" "agt tags" "hooks plain"; do
  read -r with without <<<"$pair"
  [[ " ${variants[*]} " == *" $with "* && " ${variants[*]} " == *" $without "* ]] && pairs+=("$pair")
done
# The TRX report version the repository's own tests use.
trx_version=$(sed -n 's:.*<TrxReportVersion>\(.*\)</TrxReportVersion>.*:\1:p' "$root/Directory.Packages.props")
target=1.03
tests=$((classes * per_class))

work=$(mktemp -d "${TMPDIR:-/tmp}/agt-bench-run.XXXXXX")
cleanup() {
  if [[ "${AGT_KEEP_BENCH:-}" == "1" ]]; then
    echo "kept $work"
  else
    rm -rf "$work"
    # Restore put the package in the machine's packages folder, under a version only this run used.
    if [[ -n "${version:-}" ]]; then
      rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/agenttestguard/$version"
    fi
  fi
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
# The benchmark measures a local build and run, not a CI one (CI turns enforce mode on, which
# fails a run with unapproved agent tests).
unset CI ContinuousIntegrationBuild TF_BUILD GITHUB_ACTIONS AGENTTESTGUARD_ENVIRONMENT

stamp=$(date +%s)
echo "== packing AgentTestGuard (VersionSuffix bench.$stamp) =="
dotnet pack "$root/src/AgentTestGuard" -c Release -p:VersionSuffix="bench.$stamp" -o "$work/feed" -tl:off -v:q -nologo >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }
package=$(find "$work/feed" -name 'AgentTestGuard.*.nupkg' -printf '%f\n' | head -n 1)
version=${package#AgentTestGuard.}
version=${version%.nupkg}
[[ -n "$version" ]] || { echo "no package in $work/feed"; exit 1; }
echo "packed AgentTestGuard $version"

dotnet build "$root/build/Benchmarks" -c Release -tl:off -v:q -nologo >"$work/harness.log" 2>&1 \
  || { cat "$work/harness.log"; exit 1; }
bench="$root/build/Benchmarks/bin/Release/net10.0/AgentTestGuard.Benchmarks.dll"

# The temporary directory is its own world: the repository's files do not apply to it.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="agenttestguard-bench" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > "$work/global.json" <<'JSON'
{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" }, "test": { "runner": "Microsoft.Testing.Platform" } }
JSON
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project />' > "$work/Directory.Packages.props"

declare -A dir_of pkg_of trx_of
for v in "${variants[@]}"; do
  dir_of[$v]="$work/${v/+/-}"
  case $v in *agt*) pkg_of[$v]=$version ;; tags | hooks) pkg_of[$v]=$v ;; *) pkg_of[$v]=none ;; esac
  case $v in *trx*) trx_of[$v]=$trx_version ;; *) trx_of[$v]=none ;; esac
done

echo
echo "== generating and building $tests-test projects =="
for v in "${variants[@]}"; do
  dotnet "$bench" generate-run "${dir_of[$v]}" "$classes" "$per_class" "$agent_tests" "${pkg_of[$v]}" "${trx_of[$v]}" "$tags"
  start=$(date +%s%N)
  dotnet build "${dir_of[$v]}" -c Release -tl:off -v:q -nologo >"$work/build-${v/+/-}.log" 2>&1 \
    || { echo "build of variant $v failed:"; tail -n 40 "$work/build-${v/+/-}.log"; exit 1; }
  echo "  built $v in $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
if [[ ! -f "${dir_of[agt]}/bin/Release/net10.0/Bench.Tests.agenttests.json" ]]; then
  echo "the AgentTestGuard variant has no inventory next to its assembly"; exit 1
fi

# Runs variant $1 once, on core $2 only when given (may be empty); prints its wall time and its CPU
# time (user + system, the test app and its children) in ms. With $3, the suite's phase probe
# appends the run's phases to that file. The log and results are kept for checks.
run_once() {
  local v=$1 dir=${dir_of[$1]} log="$work/run-${1/+/-}.log" results="$work/results/${1/+/-}" timing="$work/time-${1/+/-}.txt"
  local args=(--results-directory "$results") pin=() phases=${3:-}
  [[ $v == *trx* ]] && args+=(--report-trx)
  [[ -n "${2:-}" ]] && pin=(taskset -c "$2")
  rm -rf "$results"
  local code=0 real user sys
  local TIMEFORMAT='%3R %3U %3S'
  { time (cd "$dir" && env -u CI -u TF_BUILD -u GITHUB_ACTIONS AGT_BENCH_PHASES="$phases" "${pin[@]}" dotnet bin/Release/net10.0/Bench.Tests.dll "${args[@]}" >"$log" 2>&1) || code=$?; } 2>"$timing"
  if [[ $code -ne 0 ]]; then
    echo "variant $v exited $code:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  if ! grep -qE "total: $tests\b" "$log" || ! grep -qE "failed: 0\b" "$log"; then
    echo "variant $v did not report $tests tests with 0 failed:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  read -r real user sys <"$timing"
  awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN { printf "%d %d\n", r * 1000, (u + s) * 1000 }'
}

echo
echo "== warm-up (one run each; checks that every test passes and the extension is active) =="
for v in "${variants[@]}"; do
  read -r ms cpu < <(run_once "$v") || exit 1
  [[ -n "${ms:-}" ]] || exit 1
  echo "  $v: $ms ms wall, $cpu ms CPU"
  if [[ $v == *agt* ]]; then
    grep -q "AgentTestGuard: $agent_tests agent tests ran" "$work/run-${v/+/-}.log" \
      || { echo "variant $v: no AgentTestGuard summary for $agent_tests agent tests:"; tail -n 20 "$work/run-${v/+/-}.log"; exit 1; }
    ls "$work/results/${v/+/-}"/*.agentrun.json >/dev/null 2>&1 \
      || { echo "variant $v: no run record written"; exit 1; }
  fi
  if [[ $v == *trx* ]]; then
    ls "$work/results/${v/+/-}"/*.trx >/dev/null 2>&1 || { echo "variant $v: no TRX report written"; exit 1; }
  fi
done

echo
echo "== $runs timed runs per variant, interleaved (wall/CPU ms) =="
for ((i = 0; i < runs; i++)); do
  line="  round $((i + 1)):"
  for ((k = 0; k < ${#variants[@]}; k++)); do
    v=${variants[$(( (i + k) % ${#variants[@]} ))]}
    read -r ms cpu < <(run_once "$v" "" "$work/phases-${v/+/-}.txt") || exit 1
    [[ -n "${ms:-}" ]] || exit 1
    echo "$ms" >> "$work/wall-${v/+/-}.txt"
    echo "$cpu" >> "$work/cpu-${v/+/-}.txt"
    line+=" $v=$ms/$cpu"
  done
  echo "$line"
done

# min median mean max of a file of numbers, one a line.
stats() {
  sort -n "$1" | awk '{ v[NR] = $1; s += $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
          printf "%d %.1f %.1f %d\n", v[1], m, s / NR, v[NR] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
# Median of the per-round ratios of two files written round by round: both runs of a round ran
# seconds apart, so a slow phase of a shared machine affects both.
paired() {
  paste "$1" "$2" | awk '{ print $1 / $2 }' | sort -n | awk '{ v[NR] = $1 }
    END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
verdict() { awk -v r="$1" -v t="$target" 'BEGIN { print (r <= t) ? "within target" : "ABOVE target" }'; }
# 95% interval of the median of a file of numbers (one a line), by bootstrap: the median of 2,000
# resamples drawn with replacement, their 2.5th and 97.5th percentiles. A fixed seed keeps the
# output of the same runs the same.
interval() {
  awk 'BEGIN { srand(20261202) } { v[NR] = $1 }
    function median(a, n,   i, j, x) {
      for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
      for (b = 1; b <= 2000; b++) { for (i = 1; i <= NR; i++) s[i] = v[int(rand() * NR) + 1]; m[b] = median(s, NR) }
      median(m, 2000)
      printf "%.3f %.3f\n", m[50], m[1951]
    }' "$1"
}
# What an interval says of the target.
decided() {
  awk -v lo="$1" -v hi="$2" -v t="$target" 'BEGIN {
    print (hi <= t) ? "within target with confidence" : (lo > t) ? "ABOVE target with confidence" : "not decided: the interval contains the target" }'
}
# Where in a run the difference falls: the suite's phase probe wrote one line per run to $1 (with
# the package) and $2 (without), round by round. Per phase, the median and middle half of the
# rounds' differences (with minus without), in ms. The phases before and after the test session
# vary far less from run to run than the session itself, where the tests run.
phases() {
  if [[ ! -s "$1" || ! -s "$2" ]] || (( $(wc -l <"$1") != $(wc -l <"$2") )); then
    echo "    phases: the probe's lines are missing or do not pair up ($1, $2)"
    return
  fi
  echo "    phases, with minus without (ms or collections per run: median of the rounds, middle half in brackets):"
  paste -d' ' "$1" "$2" | awk '{ for (i = 1; i <= 17; i++) print i, $i - $(i + 17) }' | sort -k1,1n -k2,2g | awk '
    { n[$1]++; v[$1, n[$1]] = $2 }
    function at(c, q,   i, f) { i = 1 + q * (n[c] - 1); f = int(i); return v[c, f] + (i - f) * (v[c, f + 1] - v[c, f]) }
    END {
      split("CPU until the test session|CPU in the test session|CPU after the test session|wall in the test session|wall after the test session|GC pause in the test session|gen0 GCs in the test session|gen1 GCs in the test session|gen2 GCs in the test session|JIT ms until the test session|JIT ms in the test session|JIT ms after the test session|methods JIT-compiled until the session|methods JIT-compiled in the session|methods JIT-compiled after the session|MB allocated in the test session|MB allocated after the test session", name, "|")
      for (c = 1; c <= 17; c++) printf "      %-40s %+8.1f  [%+.1f, %+.1f]\n", name[c] ":", at(c, 0.5), at(c, 0.25), at(c, 0.75)
    }'
}
for measure in wall cpu; do
  declare -A min_of=() median_of=()
  echo
  if [[ $measure == wall ]]; then
    echo "== wall time of a whole test run, ms ($runs runs each) =="
  else
    echo "== CPU time (user + system) of a whole test run, ms ($runs runs each; steadier than wall time on a shared machine) =="
  fi
  printf '  %-10s %9s %9s %9s %9s\n' variant min median mean max
  for v in "${variants[@]}"; do
    read -r mn md mean mx < <(stats "$work/$measure-${v/+/-}.txt")
    min_of[$v]=$mn
    median_of[$v]=$md
    printf '  %-10s %9d %9.1f %9.1f %9d\n' "$v" "$mn" "$md" "$mean" "$mx"
  done
  echo "  ratios with-package / without-package (target <= $target; tags / plain and agt / tags split agt / plain; hooks / plain is the platform's charge):"
  for pair in "${pairs[@]}"; do
    read -r with without <<<"$pair"
    rm_=$(ratio "${median_of[$with]}" "${median_of[$without]}")
    rn_=$(ratio "${min_of[$with]}" "${min_of[$without]}")
    rp_=$(paired "$work/$measure-${with/+/-}.txt" "$work/$measure-${without/+/-}.txt")
    printf '    %-18s median %s (%s)   min %s (%s)   round by round %s (%s)\n' "$with / $without:" "$rm_" "$(verdict "$rm_")" "$rn_" "$(verdict "$rn_")" "$rp_" "$(verdict "$rp_")"
    paste "$work/$measure-${with/+/-}.txt" "$work/$measure-${without/+/-}.txt" | awk '{ print $1 / $2 }' >"$work/ratios.txt"
    read -r lo hi < <(interval "$work/ratios.txt")
    printf '    %-18s round by round, 95%% interval of the median: %s to %s (%s)\n' "" "$lo" "$hi" "$(decided "$lo" "$hi")"
  done
done
echo
echo "== where the difference falls, interleaved runs (each run on both cores) =="
for pair in "${pairs[@]}"; do
  read -r with without <<<"$pair"
  echo "  $with / $without:"
  phases "$work/phases-${with/+/-}.txt" "$work/phases-${without/+/-}.txt"
done

# Quartiles and median of a file of numbers, one a line.
quartiles() {
  sort -n "$1" | awk '{ v[NR] = $1 }
    function at(q,   i, f) { i = 1 + q * (NR - 1); f = int(i); return v[f] + (i - f) * (v[f + 1] - v[f]) }
    END { printf "%.3f %.3f %.3f\n", at(0.25), at(0.5), at(0.75) }'
}

if (( paired_runs > 0 )) && (( $(nproc) >= 2 )) && command -v taskset >/dev/null; then
  paired_runs=$(( paired_runs + paired_runs % 2 ))
  echo
  echo "== paired: $paired_runs rounds, with and without the package at the same time, each on one core (wall ms) =="
  for pair in "${pairs[@]}"; do
    read -r with without <<<"$pair"
    ratios="$work/paired-${with/+/-}-${without/+/-}.txt"
    : >"$ratios"
    round_ratios="$work/paired-rounds.txt"
    : >"$round_ratios"
    for ((i = 0; i < paired_runs; i++)); do
      run_once "$with" $((i % 2)) "$work/phases-paired-${with/+/-}.txt" >"$work/paired-with.txt" & with_pid=$!
      run_once "$without" $(((i + 1) % 2)) "$work/phases-paired-${without/+/-}.txt" >"$work/paired-without.txt" & without_pid=$!
      wait "$with_pid" && wait "$without_pid" || exit 1
      read -r with_ms _ <"$work/paired-with.txt"
      read -r without_ms _ <"$work/paired-without.txt"
      [[ -n "${with_ms:-}" && -n "${without_ms:-}" ]] || exit 1
      ratio "$with_ms" "$without_ms" >>"$round_ratios"
      echo >>"$round_ratios"
      echo "  round $((i + 1)): $with=$with_ms $without=$without_ms (on core $((i % 2)) and $(((i + 1) % 2)))"
    done
    # One ratio per two rounds, the package's run on each core once.
    awk '{ r[NR] = $1 } END { for (i = 1; i < NR; i += 2) printf "%.4f\n", sqrt(r[i] * r[i + 1]) }' "$round_ratios" >"$ratios"
    read -r q1 q2 q3 < <(quartiles "$ratios")
    printf '  %-18s two rounds at a time: median %s (%s), middle half %s to %s\n' "$with / $without:" "$q2" "$(verdict "$q2")" "$q1" "$q3"
    read -r lo hi < <(interval "$ratios")
    printf '  %-18s 95%% interval of the median: %s to %s (%s)\n' "" "$lo" "$hi" "$(decided "$lo" "$hi")"
    phases "$work/phases-paired-${with/+/-}.txt" "$work/phases-paired-${without/+/-}.txt"
    rm -f "$work/phases-paired-${with/+/-}.txt" "$work/phases-paired-${without/+/-}.txt"
  done
else
  echo
  echo "== paired measurement skipped (AGT_BENCH_PAIRED=0, fewer than 2 cores, or no taskset) =="
fi

echo
echo "== machine =="
echo "  nproc:   $(nproc)"
echo "  cpu:     $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)"
echo "  sdk:     $(cd "$work" && dotnet --version)"
echo "  runtime: $(dotnet --list-runtimes | grep -m1 'Microsoft.NETCore.App 10\.' | awk '{print $2}')"
echo "  suite:   $tests tests ($classes classes x $per_class), $agent_tests agent tests tagged in form '$tags' (AGT_BENCH_TAGS); AgentTestGuard $version; TrxReport $trx_version"

# Part of the package's cost is xunit's reflection over the tags, in every test run: shown apart.
echo
echo "== tagging cost: xunit v3's reads of a test's attributes (the same reads, on one thread, warm) =="
dotnet "$bench" measure-attributes 300 "$agent_tests" | sed 's/^/  /'

# The extension's own first step in every run: reading the inventory the build wrote.
echo
echo "== inventory read: what the extension does first in every run (this suite's inventory) =="
inventory="${dir_of[agt]}/bin/Release/net10.0/Bench.Tests.agenttests.json"
# As a test app reads it: once per process, with the package's precompiled reader, before the
# runtime has optimized anything. Five fresh processes; each prints its first read, the median of
# three more, and which assembly it loaded.
for i in 1 2 3 4 5; do
  dotnet "$bench" measure-inventory-read-in-app "${dir_of[agt]}/bin/Release/net10.0" "$inventory" 4
done > "$work/inventory-in-app.txt"
loaded=$(awk 'NR == 1 { $1 = $2 = ""; sub(/^ +/, ""); print }' "$work/inventory-in-app.txt")
awk '{ print $1 }' "$work/inventory-in-app.txt" > "$work/inventory-first.txt"
awk '{ print $2 }' "$work/inventory-in-app.txt" > "$work/inventory-next.txt"
read -r _ first_median _ _ < <(stats "$work/inventory-first.txt")
read -r _ next_median _ _ < <(stats "$work/inventory-next.txt")
echo "  as a test app reads it ($loaded): first read in a fresh process $first_median ms, the reads after it $next_median ms (medians of 5 processes)"
# The same reader compiled into the harness, where repeated reads get the runtime's optimized code
# (which a test app, reading once, never runs): what the reader itself costs, and what it allocates.
dotnet "$bench" measure-inventory-read "$inventory" 50 | sed 's/^/  harness: /'
