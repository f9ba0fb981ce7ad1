#!/bin/sh
# Finish a sign-in that asked for a second factor: sends the code from the authenticator app or
# the SMS, in the path and in the body, and prints the JSON answer with the token.
# Usage: sh confirm-code.sh <code>
# Reads DOCSPACE_PORTAL and DOCSPACE_USER; DOCSPACE_PASSWORD too, or asks for the password.
# --fail-with-body (curl 7.76+): on an HTTP error (401 for a wrong or expired code), prints the
# answer and exits 22. --max-time 30: gives up after 30 s with exit 28.
code="${1:-}"
case "$code" in
  "" | *[!0-9]*)
    echo "error: give the code from the app or the SMS, digits only: sh confirm-code.sh 123456" >&2
    exit 2
    ;;
esac
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
printf '{"userName": %s, "password": %s, "code": "%s"}' "$(json "$DOCSPACE_USER")" "$(json "$DOCSPACE_PASSWORD")" "$code" |
  curl --fail-with-body --silent --show-error --max-time 30 \
    --request POST \
    --header "Content-Type: application/json" \
    --header "Accept: application/json" \
    --data @- \
    "${DOCSPACE_PORTAL%/}/api/2.0/authentication/$code"
