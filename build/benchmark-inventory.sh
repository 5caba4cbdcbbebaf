#!/usr/bin/env bash
# Benchmark of the build-time check (issue 3's targets: inventory+validation <= 150 ms for a
# 10,000-test assembly with 2,000 agent tests; a skipped no-op step <= 10 ms).
# Generates the suite, builds it with the packed package, and prints:
#  - MSBuild's own timing of the task in a full build, and of the targets in a no-op rebuild;
#  - the same work timed in-process, cold (fresh process) and warm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tests=${1:-10000}
agent_tests=${2:-2000}
work=$(mktemp -d "${TMPDIR:-/tmp}/agt-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 NUGET_PACKAGES="$work/packages"
# The benchmark measures a local build, not a CI one.
unset CI ContinuousIntegrationBuild TF_BUILD GITHUB_ACTIONS

version="0.0.0-bench.$(date +%s)"
echo "packing AgentTestGuard $version"
# Their output is shown only when they fail: with set -e, a failure would otherwise end the script silently.
dotnet pack "$root/src/AgentTestGuard/AgentTestGuard.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -tl:off -v:q -nologo >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }
dotnet build "$root/build/Benchmarks" -c Release -tl:off -v:q -nologo >"$work/harness.log" 2>&1 \
  || { cat "$work/harness.log"; exit 1; }
bench="$root/build/Benchmarks/bin/Release/net10.0/AgentTestGuard.Benchmarks.dll"

suite="$work/suite"
dotnet "$bench" generate "$suite" "$tests" "$agent_tests" "$version"
cat > "$work/NuGet.Config" <<XML
<configuration><packageSources><add key="bench" value="$work/feed" /></packageSources></configuration>
XML
echo '{ "test": { "runner": "Microsoft.Testing.Platform" } }' > "$work/global.json"
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"

build() { dotnet build "$suite" -tl:off -nologo -m:1 -nodeReuse:false -clp:PerformanceSummary -v:m "$@"; }
ms() { grep -E "^\s+[0-9]+ ms\s+$1\s+[0-9]+ calls" | awk '{print $1}' | head -n 1; }

echo "building the suite (first build: compiles, then the task runs in a fresh MSBuild node)"
first=$(build -c Release)
echo "$first" | grep -qE "error" && { echo "$first" | grep -E "error" | head; exit 1; }
second=$(build -c Release)

echo
echo "== MSBuild's own figures (PerformanceSummary) =="
echo "full build:  task InventoryAgentTests           $(echo "$first" | ms InventoryAgentTests) ms"
echo "no-op build: target AgentTestGuardInventory     $(echo "$second" | ms AgentTestGuardInventory) ms (skipped: up to date)"
echo "no-op build: target _AgentTestGuardPrepare      $(echo "$second" | ms _AgentTestGuardPrepare) ms"
echo "no-op build: target _AgentTestGuardCopyInventory $(echo "$second" | ms _AgentTestGuardCopyInventory) ms"

echo
echo "== in-process timing of the same work =="
dll="$suite/bin/Release/net10.0/Suite.Tests.dll"
dotnet "$bench" measure "$dll" "$suite/agenttestguard.policy.json" "$suite/agenttestguard.criteria.json" 20

echo
echo "== the inventory's reader and writer: hand-written against System.Text.Json source generation =="
echo "(one way per fresh process, the ways interleaved, three rounds; cold = the first read or write in the process)"
inventory="${dll%.dll}.agenttests.json"
dotnet "$bench" measure-inventory-serializer check "$inventory" 1 >/dev/null
for _ in 1 2 3; do
  for way in hand-read generated-read hand-write generated-write; do
    dotnet "$bench" measure-inventory-serializer "$way" "$inventory" 50
  done
done
