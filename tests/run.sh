#!/usr/bin/env bash
# The test command: everything a fresh Debian machine with the .NET 10 SDK needs, then every test.
# Tests use real components (a SQLite file per run); nothing reaches the network but the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet restore Bot.sln
dotnet build Bot.sln --no-restore -c Debug
# Detailed console output prints the dev-set quality figures each run.
dotnet test Bot.sln --no-build -c Debug --logger "console;verbosity=detailed" -- xUnit.ParallelizeTestCollections=true
