#!/usr/bin/env bash
# Packs AgentTestGuard into the repository's local package folder and runs the samples against
# it, exactly as a user's repository consumes the package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dotnet pack src/AgentTestGuard/AgentTestGuard.csproj -c Release -o artifacts/packages -tl:off -nologo -v:q
# The dev version is re-packed under the same number: drop the samples' cached copy of it.
rm -rf artifacts/samples-packages/agenttestguard
dotnet test --solution samples/Samples.sln "$@"
