#!/bin/sh
# Make an API key with the token: prints the JSON answer, with the key's secret in response.key.
# Usage: sh create-key.sh <name> <scope>...   (the scopes from GET /api/2.0/keys/permissions)
# Reads DOCSPACE_PORTAL and DOCSPACE_TOKEN.
# --fail-with-body (curl 7.76+): on an HTTP error (400 for a scope the portal does not know),
# prints the answer and exits 22. --max-time 30: gives up after 30 s with exit 28. Do not run it
# again after a timeout: the portal may have made the key all the same (list the keys first).
[ $# -ge 2 ] && [ -n "$1" ] || { echo "error: give the key a name and its scopes: sh create-key.sh nightly-export accounts:read" >&2; exit 2; }
[ -n "${DOCSPACE_PORTAL:-}" ] || { echo "error: DOCSPACE_PORTAL is not set" >&2; exit 2; }
[ -n "${DOCSPACE_TOKEN:-}" ] || { echo "error: DOCSPACE_TOKEN is not set" >&2; exit 2; }
# The values as JSON strings: a backslash or a double quote gets a backslash before it.
json() { printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; }
name=$(json "$1")
shift
scopes=$(json "$1")
shift
for scope in "$@"; do scopes="$scopes, $(json "$scope")"; done
# The header goes in on standard input (--header @-), so the token never shows in the process
# list; the body holds no secret.
printf 'Authorization: %s\n' "$DOCSPACE_TOKEN" |
  curl --fail-with-body --silent --show-error --max-time 30 \
    --request POST \
    --header @- \
    --header "Content-Type: application/json" \
    --header "Accept: application/json" \
    --data "{\"name\": $name, \"permissions\": [$scopes]}" \
    "${DOCSPACE_PORTAL%/}/api/2.0/keys" || exit
printf '\nThe portal shows response.key only once: keep it in DOCSPACE_API_KEY or a secret store now.\n' >&2
