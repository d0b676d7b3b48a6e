#!/usr/bin/env bash
# The run command: on a fresh Debian machine with the .NET 10 SDK, installs what the web host's build needs
# (Node.js and npm, to bundle Microsoft's Web Chat once), then serves ClinicBot on http://localhost:3978 with the
# embedded defaults (SQLite file data/clinicbot.db, offline answering). Arguments go to the host (e.g. --urls).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  as_root apt-get update && as_root apt-get install -y --no-install-recommends nodejs npm
fi

exec dotnet run --project src/ClinicBot.Host -- "$@"
