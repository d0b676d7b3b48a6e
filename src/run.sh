#!/usr/bin/env bash
# The run command: on a fresh Debian machine with the .NET 10 SDK, installs what the web host's build needs
# (Node.js and npm, to bundle Microsoft's Web Chat once), then serves ClinicBot on http://localhost:3978 with the
# embedded defaults (SQLite file data/clinicbot.db at the repository root, offline answering) and a demo clinic.
# Arguments go to the host (e.g. --urls).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  as_root apt-get update && as_root apt-get install -y --no-install-recommends nodejs npm
fi

# A clearly fictional demo clinic, so the page and the replies read as they will for a real one. A real clinic sets
# Clinic:Name, Clinic:Phone, Clinic:Hours and Clinic:Address (environment variables such as Clinic__Name, which this
# script then leaves alone, or arguments, which come last and win).
demo=()
[ -n "${Clinic__Name:-}" ] || demo+=("--Clinic:Name=Harbor Demo Ketamine Clinic")
[ -n "${Clinic__Phone:-}" ] || demo+=("--Clinic:Phone=(555) 010-0142")
[ -n "${Clinic__Hours:-}" ] || demo+=("--Clinic:Hours=Mon–Fri 9 am–5 pm (demo)")
[ -n "${Clinic__Address:-}" ] || demo+=("--Clinic:Address=100 Example Street, Demo City (a fictional clinic for trying ClinicBot)")

exec dotnet run --project src/ClinicBot.Host -- "${demo[@]}" "$@"
