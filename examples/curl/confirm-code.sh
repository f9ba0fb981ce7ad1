#!/bin/sh
# Finish a sign-in that asked for a second factor: sends the code from the authenticator app or
# the SMS, in the path and in the body, and prints the JSON answer with the token.
# Usage: sh confirm-code.sh <code>
# --fail-with-body (curl 7.76+): on an HTTP error (401 for a wrong or expired code), prints the
# answer and exits 22. --max-time 30: gives up after 30 s with exit 28.
code="$1"
case "$code" in
  "" | *[!0-9]*)
    echo "error: give the code from the app or the SMS, digits only: sh confirm-code.sh 123456" >&2
    exit 2
    ;;
esac
curl --fail-with-body --silent --show-error --max-time 30 \
  --request POST \
  --header "Content-Type: application/json" \
  --header "Accept: application/json" \
  --data '{"userName": "yourusername", "password": "yourpassword", "code": "'"$code"'"}' \
  "https://yourportal.onlyoffice.com/api/2.0/authentication/$code"
