"""Sign in to a DocSpace portal and print the token (Python 3 with requests)."""
import sys

import requests

PORTAL = "https://yourportal.onlyoffice.com"

try:
    response = requests.post(
        f"{PORTAL}/api/2.0/authentication",
        json={"userName": "yourusername", "password": "yourpassword"},
        headers={"Accept": "application/json"},
        timeout=30,  # seconds to connect, and to wait for each part of the answer
    )
except requests.Timeout:
    sys.exit("error: the portal did not answer within 30 s")
except requests.ConnectionError as error:
    sys.exit(f"error: cannot reach the portal: {error}")
try:
    answer = response.json()
except ValueError:  # error pages may not be JSON
    answer = {}

if not response.ok:
    message = (answer.get("error") or {}).get("message") or "(no error message)"
    sys.exit(f"error: HTTP {response.status_code}: {message}")

result = answer.get("response") or {}
if not result.get("token"):
    if result.get("tfa") or result.get("sms"):
        sys.exit("error: second factor required: POST the code from your authenticator app or SMS"
                 " to /api/2.0/authentication/{code}")
    sys.exit("error: the answer contains no token")
print(f"token: {result['token']}")
print(f"expires: {result.get('expires')}")
