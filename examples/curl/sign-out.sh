#!/bin/sh
# Sign out: ends the session of the token the call carries.
# --fail-with-body (curl 7.76+): on an HTTP error, prints the answer and exits 22.
# --max-time 30: gives up after 30 s with exit 28.
curl --fail-with-body --silent --show-error --max-time 30 \
  --request POST \
  --header "Authorization: yourtoken" \
  --header "Accept: application/json" \
  "https://yourportal.onlyoffice.com/api/2.0/authentication/logout"
