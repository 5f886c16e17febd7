#!/usr/bin/env bash
# Starts the service exactly as README says (mvn -Prun package) on a spare port with a fresh data
# folder, checks that it answers and that the admin can sign in, then stops it. Then starts the
# executable jar with a bad DATABASE_URL and checks that it exits with one line naming the setting.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${SMOKE_PORT:-18181}"
work="$(mktemp -d)"
log="$work/run.log"
cleanup() {
  if [ -n "${pid:-}" ] && kill -0 "$pid" 2> /dev/null; then
    pkill -TERM -P "$pid" 2> /dev/null || true
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  fi
  pkill -f -- "--port $port" 2> /dev/null || true
}
trap cleanup EXIT

# A fresh data folder, so this is a first start: schema created, admin created.
PORT="$port" ADMIN_PASSWORD=smoke-admin-password DATA_DIR="$work/data" \
  mvn -B -q -Prun package > "$log" 2>&1 &
pid=$!

for _ in $(seq 1 180); do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
    break
  fi
  if ! kill -0 "$pid" 2> /dev/null; then
    echo "the run command exited early:" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
  sleep 1
done
curl -sf "http://127.0.0.1:$port/api/health" | grep -q '"status":"healthy"'
login="$(curl -sf -X POST "http://127.0.0.1:$port/api/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"smoke-admin-password"}')"
echo "$login" | grep -q '"access_token"'
echo "run command: service answered on port $port and admin signed in"
cleanup
pid=""

bad_log="$work/bad.log"
set +e
DATABASE_URL="mysql://nobody@nowhere/db" DATA_DIR="$work/bad-data" timeout 180 \
  java -jar target/credit-scoring.jar --port "$port" --nohazelcast --disablephonehome > "$bad_log" 2>&1
status=$?
set -e
if [ "$status" -eq 0 ] || [ "$status" -eq 124 ]; then
  echo "a bad DATABASE_URL did not stop the service (exit $status)" >&2
  exit 1
fi
grep -q "Start-up stopped, invalid setting DATABASE_URL" "$bad_log" || {
  echo "no clear line about DATABASE_URL:" >&2
  tail -n 30 "$bad_log" >&2
  exit 1
}
echo "bad setting: the service stopped with exit $status and a line naming DATABASE_URL"

# Migrations without serving (README: mvn -Pmigrate process-classes), on a new H2 file.
DATABASE_URL="jdbc:h2:file:$work/migrated/db" mvn -B -q -Pmigrate process-classes > "$work/migrate.log" 2>&1 || {
  cat "$work/migrate.log" >&2
  exit 1
}
grep -q "Schema up to date" "$work/migrate.log"
echo "migrate command: schema applied without starting the service"
rm -rf "$work"
