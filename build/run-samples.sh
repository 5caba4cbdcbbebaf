#!/usr/bin/env bash
# Packs AgentTestGuard into the repository's local package folder and runs the samples against
# it, exactly as a user's repository consumes the package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The samples ask for 0.1.0-dev (samples/Directory.Build.props), whatever the git tags say.
dotnet pack src/AgentTestGuard/AgentTestGuard.csproj -c Release -o artifacts/packages -p:PackageVersion=0.1.0-dev -tl:off -nologo -v:q
# The dev version is re-packed under the same number: drop the samples' cached copy of it.
rm -rf artifacts/samples-packages/agenttestguard
dotnet test --solution samples/Samples.sln "$@"
