#!/usr/bin/env bash
# Benchmark of `dotnet agt verify`'s history walk (issue 30: each approval is credited to the
# commits that introduced it, which reads every version of the ledger in the history).
# Makes a repository whose ledger grows to <approvals> lines over <commits> commits, the whole
# file re-sorted every tenth commit (as a rewrite by `approve` did), and prints
# the wall-clock time of verify on it, after one warm-up run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
commits=${1:-1000}
approvals=${2:-2000}
work=$(mktemp -d "${TMPDIR:-/tmp}/agt-verify-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 NUGET_PACKAGES="$work/packages"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
unset CI ContinuousIntegrationBuild TF_BUILD GITHUB_ACTIONS

version="0.0.0-bench.$(date +%s)"
echo "packing AgentTestGuard $version and building the tool"
dotnet pack "$root/src/AgentTestGuard/AgentTestGuard.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" -tl:off -v:q -nologo >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }
dotnet build "$root/src/AgentTestGuard.Tool" -c Release -f net10.0 -tl:off -v:q -nologo >"$work/tool.log" 2>&1 \
  || { cat "$work/tool.log"; exit 1; }
tool="$root/src/AgentTestGuard.Tool/bin/Release/net10.0/AgentTestGuard.Tool.dll"

repo="$work/repo"
mkdir -p "$repo/Shop.Tests"
cat > "$repo/NuGet.Config" <<XML
<configuration><packageSources><clear /><add key="bench" value="$work/feed" /></packageSources></configuration>
XML
echo '<Project />' > "$repo/Directory.Build.props"
echo '<Project />' > "$repo/Directory.Build.targets"
cat > "$repo/Shop.Tests/Shop.Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsTestProject>true</IsTestProject></PropertyGroup>
  <ItemGroup><PackageReference Include="AgentTestGuard" Version="$version" /></ItemGroup>
</Project>
XML
echo '{ "agents": ["copilot"] }' > "$repo/agenttestguard.policy.json"
dotnet restore "$repo/Shop.Tests/Shop.Tests.csproj" -v:q -nologo >"$work/restore.log" 2>&1 || { cat "$work/restore.log"; exit 1; }

echo "making $commits commits that grow the ledger to $approvals approvals"
cd "$repo"
git init -q -b main
git config user.name "Dana Lee"; git config user.email dana@example.com; git config commit.gpgsign false
echo "obj/" > .gitignore
per_commit=$(( (approvals + commits - 1) / commits ))
ledger=agenttestguard.approvals.jsonl
: > "$ledger"
n=0
for ((c = 1; c <= commits; c++)); do
  for ((i = 0; i < per_commit && n < approvals; i++, n++)); do
    printf '{"assembly":"Shop.Tests","test":"Shop.Tests.T%05d.Test","fingerprint":"%032x","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T09:30:00Z"}\n' "$n" "$n" >> "$ledger"
  done
  if (( c % 10 == 0 )); then
    # A rewrite: the whole file re-sorted, every line moved.
    LC_ALL=C sort -r "$ledger" > "$ledger.new" && mv "$ledger.new" "$ledger"
  fi
  git add -A && git commit -q -m "approvals $c"
done

run() {
  /usr/bin/time -f "%e s wall, %M KB peak" dotnet "$tool" verify "$repo" > "$work/verify.log" 2>"$work/time.log" || true
  grep -q "$approvals approvals verified" "$work/verify.log" || { echo "verify did not pass:" >&2; cat "$work/verify.log" "$work/time.log" >&2; exit 1; }
  tail -n 1 "$work/time.log"
}
warm=$(run); echo "warm-up: $warm"
timed=$(run); echo "verify, $commits ledger commits, $approvals approvals: $timed"
echo "for comparison, git log of the ledger alone: $( { /usr/bin/time -f "%e s" git log --format=%H -- "$ledger" >/dev/null; } 2>&1 )"
