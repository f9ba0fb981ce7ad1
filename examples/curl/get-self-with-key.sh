#!/bin/sh
# Call the API with an API key: prints the JSON profile of the user DOCSPACE_API_KEY acts as.
# Reads DOCSPACE_PORTAL and DOCSPACE_API_KEY (the response.key that create-key.sh printed).
# --fail-with-body (curl 7.76+): on an HTTP error (401 for a deleted or expired key), prints the
# answer and exits 22. --max-time 30: gives up after 30 s with exit 28.
[ -n "${DOCSPACE_PORTAL:-}" ] || { echo "error: DOCSPACE_PORTAL is not set" >&2; exit 2; }
[ -n "${DOCSPACE_API_KEY:-}" ] || { echo "error: DOCSPACE_API_KEY is not set" >&2; exit 2; }
# The header goes in on standard input (--header @-), so the key never shows in the process list.
printf 'Authorization: Bearer %s\n' "$DOCSPACE_API_KEY" |
  curl --fail-with-body --silent --show-error --max-time 30 \
    --header @- \
    --header "Accept: application/json" \
    "${DOCSPACE_PORTAL%/}/api/2.0/people/@self"
