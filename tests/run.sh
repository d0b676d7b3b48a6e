#!/usr/bin/env bash
# The test command: everything a fresh Debian machine with the .NET 10 SDK needs, then every test.
# Tests use real components (a SQLite file per run, a PostgreSQL server of their own); nothing reaches the network but the
# package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Web chat: the host's build bundles Microsoft's Web Chat with npm (src/ClinicBot.Host/WebChat/WebChat.targets), and its
# tests drive Debian's Chromium and read the SQLite file with sqlite3. Whatever is missing comes from Debian, once.
missing=()
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! command -v sqlite3 >/dev/null; then missing+=(sqlite3); fi
# Storage: the contract tests start their own PostgreSQL server from Debian's binaries (a temporary cluster on a free port,
# as a user that is not root; no system service), so only the package is needed.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update && as_root apt-get install -y --no-install-recommends "${missing[@]}"
fi

dotnet restore Bot.sln
dotnet build Bot.sln --no-restore -c Debug
# Detailed console output prints the dev-set quality figures each run.
# Every suite runs even when an earlier one fails, so one run shows every failure; the exit code is the first failure's.
status=0
dotnet test Bot.sln --no-build -c Debug --logger "console;verbosity=detailed" -- xUnit.ParallelizeTestCollections=true || status=$?

# Interop with Microsoft's Bot Framework JS SDK (npm botbuilder, pinned in tests/interop/package-lock.json): it drives the
# host built above over real HTTP; packages install once, then offline.
(
  cd tests/interop
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  node --test
) || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }

# Interop with Twilio's own Node library (npm twilio, pinned in tests/sms-interop/package-lock.json): it signs webhooks for
# /api/sms/twilio and checks our signature validator agrees with its validateRequest; and a real crash (SIGKILL of the host
# mid-turn, then a restart on the same database) loses no text and answers none twice.
(
  cd tests/sms-interop
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  node --test
) || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }

# Web chat in a real browser (Debian's Chromium through playwright-core, no browser download) and Microsoft's DirectLineJS
# client against ClinicBot's Direct Line, both on the host built above (pinned in tests/webchat/package-lock.json).
(
  cd tests/webchat
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  node --test
) || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }

# The fault suite over real host processes (tests/faults, pinned in its package-lock.json): kill -9 mid crisis turn on
# SMS, Direct Line and /api/messages, a locked database, Twilio and the Connector down during staff replies; it prints
# one table. Then a load run (50 Web Chat conversations × 20 messages) with a kill -9 in the middle.
(
  cd tests/faults
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  node --test
) || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }

exit "$status"
