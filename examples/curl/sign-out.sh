#!/bin/sh
# Sign out: ends the session of DOCSPACE_TOKEN.
# Reads DOCSPACE_PORTAL and DOCSPACE_TOKEN.
# --fail-with-body (curl 7.76+): on an HTTP error, prints the answer and exits 22.
# --max-time 30: gives up after 30 s with exit 28.
[ -n "${DOCSPACE_PORTAL:-}" ] || { echo "error: DOCSPACE_PORTAL is not set" >&2; exit 2; }
[ -n "${DOCSPACE_TOKEN:-}" ] || { echo "error: DOCSPACE_TOKEN is not set" >&2; exit 2; }
# The header goes in on standard input (--header @-), so the token never shows in the process list.
printf 'Authorization: %s\n' "$DOCSPACE_TOKEN" |
  curl --fail-with-body --silent --show-error --max-time 30 \
    --request POST \
    --header @- \
    --header "Accept: application/json" \
    "${DOCSPACE_PORTAL%/}/api/2.0/authentication/logout"
