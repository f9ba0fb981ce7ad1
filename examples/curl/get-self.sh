#!/bin/sh
# Call the API with a token: prints the JSON profile of the user the token belongs to.
# --fail-with-body (curl 7.76+): on an HTTP error, prints the answer and exits 22.
# --max-time 30: gives up after 30 s with exit 28.
curl --fail-with-body --silent --show-error --max-time 30 \
  --header "Authorization: yourtoken" \
  --header "Accept: application/json" \
  "https://yourportal.onlyoffice.com/api/2.0/people/@self"
