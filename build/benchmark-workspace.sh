#!/usr/bin/env bash
# Benchmark of the workspace half of every `dotnet agt` command (MSBuild evaluation of the repository's
# projects, then reading their inventories), on a solution shaped like a real repository:
# AGT_BENCH_PROJECTS projects (default 12), of which AGT_BENCH_TEST_PROJECTS (default 4) are test
# projects using AgentTestGuard with AGT_BENCH_TESTS agent tests each (default 1,000), the rest plain
# libraries. Times the real tool's `status --json` on the solution, three rounds, and prints the
# workspace phases (AGENTTESTGUARD_TIMINGS).
#
# The test projects are build/ReportBenchmark's: they set the properties the package's props would
# set, so no restore is needed. Left out against a restored repository: the imports a restore adds
# (obj/*.nuget.g.props and .targets: the package's own build files and its dependencies'), so a real
# project evaluates somewhat longer. AGT_BENCH_RESTORED=1 packs this tree's package instead and
# restores the solution against it (into a packages folder of its own), the test projects setting
# only what a test framework would (IsTestingPlatformApplication).
#
# AGT_BENCH_TOOL=<folder> times the tool built in that folder instead of this tree's Release build
# (to compare a build of another commit on the same repository); AGT_BENCH_KEEP=1 keeps the generated
# repository and prints where it is.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${AGT_BENCH_PROJECTS:-12}
test_projects=${AGT_BENCH_TEST_PROJECTS:-4}
tests=${AGT_BENCH_TESTS:-1000}
[ "$test_projects" -le "$projects" ] || { echo "AGT_BENCH_TEST_PROJECTS must not exceed AGT_BENCH_PROJECTS"; exit 2; }

source build/benchmark-common.sh
if [ -z "${AGT_BENCH_TOOL:-}" ]; then
  quiet dotnet build src/AgentTestGuard.Tool -c Release -f net10.0 -v q -nologo
fi
quiet dotnet build build/ReportBenchmark -c Release -v q -nologo
tool="dotnet ${AGT_BENCH_TOOL:-$PWD/src/AgentTestGuard.Tool/bin/Release/net10.0}/AgentTestGuard.Tool.dll"
repository="dotnet $PWD/build/ReportBenchmark/bin/Release/net10.0/ReportBenchmark.dll"

repo=$work/repo
# The temp folder is outside this repository: no Directory.Build.props or package settings of ours apply.
quiet $repository "$repo" "$tests"
# Further test projects: copies of the first under their own names (their own assembly and inventory).
for n in $(seq 2 "$test_projects"); do
  name=Bench$n.Tests
  cp -r "$repo/tests/Bench.Tests" "$repo/tests/$name"
  mv "$repo/tests/$name/Bench.Tests.csproj" "$repo/tests/$name/$name.csproj"
  inventory=$repo/tests/$name/obj/Debug/net10.0
  sed 's/"Bench\.Tests/"'"$name"'/g' "$inventory/Bench.Tests.agenttests.json" >"$inventory/$name.agenttests.json"
  rm "$inventory/Bench.Tests.agenttests.json"
done
# Plain libraries: what most projects of a solution are. A few sources each, so their globs find files.
for n in $(seq 1 $((projects - test_projects))); do
  library=$repo/src/Library$n
  mkdir -p "$library"
  printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n' >"$library/Library$n.csproj"
  for c in 1 2 3; do printf 'namespace Library%s;\n\npublic sealed class Type%s;\n' "$n" "$c" >"$library/Type$c.cs"; done
done
if [ "${AGT_BENCH_RESTORED:-}" = 1 ]; then
  version="0.0.0-bench.$(date +%s)"
  quiet dotnet pack src/AgentTestGuard/AgentTestGuard.csproj -c Release -o "$work/feed" -p:PackageVersion="$version" -tl:off -v:q -nologo
  printf '<configuration><packageSources><add key="bench" value="%s" /></packageSources></configuration>\n' "$work/feed" >"$repo/NuGet.Config"
  sed -i -e '/_AgentTestGuardTasksAssembly\|_AgentTestGuardRunsOnPlatform/d' -e "s/Version=\"0.1.0\"/Version=\"$version\"/" "$repo"/tests/*/*.csproj
fi
(cd "$repo" && quiet dotnet new sln -n Bench --format sln && quiet dotnet sln Bench.sln add $(find src tests -name '*.csproj' | sort))
if [ "${AGT_BENCH_RESTORED:-}" = 1 ]; then
  (cd "$repo" && NUGET_PACKAGES="$work/packages" quiet dotnet restore Bench.sln -tl:off -v:q -nologo)
  export NUGET_PACKAGES="$work/packages"
fi
# Written after the projects, as the generator does: an inventory older than its inputs would be built.
touch "$repo"/tests/*/obj/Debug/net10.0/*.agenttests.json
echo "$projects projects ($test_projects test projects${AGT_BENCH_RESTORED:+, restored} of $tests agent tests, $((projects - test_projects)) libraries); load: $(cut -d' ' -f1-3 /proc/loadavg)"

cd "$repo"
for round in 1 2 3; do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" env AGENTTESTGUARD_TIMINGS=1 $tool status Bench.sln --json \
    >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr" "$work/stdout"; exit 1; }
  read -r wall user system peak <"$work/time"
  printf 'status    round %d: %5.2f s wall, %5.2f s CPU, %4d MB peak, %s agent tests; load %s\n' \
    "$round" "$wall" "$(echo "$user + $system" | bc)" "$((peak / 1024))" "$(grep -c '"id"' "$work/stdout" || true)" "$(cut -d' ' -f1 /proc/loadavg)"
  grep -E 'workspace' "$work/stderr" | sed 's/^/    /'
done
