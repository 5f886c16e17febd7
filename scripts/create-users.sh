#!/usr/bin/env bash
# Creates users through the running service's API (POST /api/users), never by raw SQL, so the
# password policy, hashing and uniqueness rules are the product's own. Replaces the seed's
# scripts/create_users.py.
#
# Usage:
#   ADMIN_PASSWORD=... scripts/create-users.sh [--url URL] [--admin USER] USER:ROLE[:PASSWORD] ...
#   ADMIN_PASSWORD=... scripts/create-users.sh [--url URL] --file users.csv
#
# users.csv has lines "username,role,password" ('#' starts a comment). A missing password is
# generated and printed once. ROLE is admin, analyst or user. Exits non-zero if any user failed.
set -euo pipefail

url="${CREDIT_SCORING_URL:-http://127.0.0.1:${PORT:-8080}}"
admin="admin"
file=""
specs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --admin) admin="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) specs+=("$1"); shift ;;
  esac
done
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the password of the administrator who creates the users}"

if [ -n "$file" ]; then
  while IFS=, read -r name role password || [ -n "$name" ]; do
    name="$(echo "$name" | tr -d '[:space:]')"
    case "$name" in ''|'#'*) continue ;; esac
    specs+=("$name:$(echo "$role" | tr -d '[:space:]'):${password%$'\r'}")
  done < "$file"
fi
[ ${#specs[@]} -gt 0 ] || { echo "no users given (see --help)" >&2; exit 2; }

json_string() { # a JSON string literal for $1
  local s="${1//\\/\\\\}"; s="${s//\"/\\\"}"; printf '"%s"' "$s"
}

login_body="{\"username\":$(json_string "$admin"),\"password\":$(json_string "$ADMIN_PASSWORD")}"
login="$(curl -sS -X POST "$url/api/login" -H 'Content-Type: application/json' -d "$login_body")"
token="$(printf '%s' "$login" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "sign-in as $admin failed: $login" >&2; exit 1; }

failed=0
answer_file="$(mktemp)"
trap 'rm -f "$answer_file"' EXIT
for spec in "${specs[@]}"; do
  IFS=: read -r name role password <<< "$spec"
  generated=""
  if [ -z "${password:-}" ]; then
    password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
    generated="yes"
  fi
  body="{\"username\":$(json_string "$name"),\"role\":$(json_string "$role"),\"password\":$(json_string "$password")}"
  answer="$(curl -sS -o "$answer_file" -w '%{http_code}' -X POST "$url/api/users" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")"
  if [ "$answer" = "201" ]; then
    if [ -n "$generated" ]; then
      echo "created $name ($role) with generated password $password"
    else
      echo "created $name ($role)"
    fi
  else
    echo "failed $name ($role): HTTP $answer $(cat "$answer_file")" >&2
    failed=1
  fi
done
exit $failed
