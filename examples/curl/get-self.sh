#!/bin/sh
# Call the API with a token: prints the JSON profile of the user the token belongs to.
# --fail-with-body (curl 7.76+) exits non-zero on an HTTP error and still prints the answer.
curl --fail-with-body --silent --show-error \
  --header "Authorization: yourtoken" \
  --header "Accept: application/json" \
  "https://yourportal.onlyoffice.com/api/2.0/people/@self"
