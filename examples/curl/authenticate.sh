#!/bin/sh
# Sign in to a DocSpace portal: prints the JSON answer, with the token in response.token (or, for
# an account with a second factor, "tfa" or "sms": then run confirm-code.sh with the code).
# Reads DOCSPACE_PORTAL and DOCSPACE_USER; DOCSPACE_PASSWORD too, or asks for the password.
# --fail-with-body (curl 7.76+): on an HTTP error, prints the answer (its error.message says why)
# and exits 22. --max-time 30: gives up after 30 s with exit 28.
[ -n "${DOCSPACE_PORTAL:-}" ] || { echo "error: DOCSPACE_PORTAL is not set" >&2; exit 2; }
[ -n "${DOCSPACE_USER:-}" ] || { echo "error: DOCSPACE_USER is not set" >&2; exit 2; }
if [ -z "${DOCSPACE_PASSWORD:-}" ]; then
  # Not echoed when typed at a terminal; read from the input as it is otherwise.
  if [ -t 0 ]; then stty -echo; trap 'stty echo' EXIT; fi
  printf 'Password for %s: ' "$DOCSPACE_USER" >&2
  IFS= read -r DOCSPACE_PASSWORD
  if [ -t 0 ]; then stty echo; fi
  echo >&2
  [ -n "$DOCSPACE_PASSWORD" ] || { echo "error: DOCSPACE_PASSWORD is not set" >&2; exit 2; }
fi
# The values as JSON strings: a backslash or a double quote gets a backslash before it.
json() { printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; }
# The body goes in on standard input (--data @-), so the password never shows in the process list.
printf '{"userName": %s, "password": %s}' "$(json "$DOCSPACE_USER")" "$(json "$DOCSPACE_PASSWORD")" |
  curl --fail-with-body --silent --show-error --max-time 30 \
    --request POST \
    --header "Content-Type: application/json" \
    --header "Accept: application/json" \
    --data @- \
    "${DOCSPACE_PORTAL%/}/api/2.0/authentication"
