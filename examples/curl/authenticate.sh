#!/bin/sh
# Sign in to a DocSpace portal: prints the JSON answer, with the token in response.token.
# --fail-with-body (curl 7.76+) exits non-zero on an HTTP error and still prints the answer,
# whose error.message says why.
curl --fail-with-body --silent --show-error \
  --request POST \
  --header "Content-Type: application/json" \
  --header "Accept: application/json" \
  --data '{"userName": "yourusername", "password": "yourpassword"}' \
  "https://yourportal.onlyoffice.com/api/2.0/authentication"
