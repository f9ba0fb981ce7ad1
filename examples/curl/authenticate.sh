#!/bin/sh
# Sign in to a DocSpace portal: prints the JSON answer, with the token in response.token.
# --fail-with-body (curl 7.76+): on an HTTP error, prints the answer (its error.message says why)
# and exits 22. --max-time 30: gives up after 30 s with exit 28.
curl --fail-with-body --silent --show-error --max-time 30 \
  --request POST \
  --header "Content-Type: application/json" \
  --header "Accept: application/json" \
  --data '{"userName": "yourusername", "password": "yourpassword"}' \
  "https://yourportal.onlyoffice.com/api/2.0/authentication"
