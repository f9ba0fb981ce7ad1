"""Call the API with a token: print who it belongs to (Python 3 with requests)."""
import sys

import requests

PORTAL = "https://yourportal.onlyoffice.com"

try:
    response = requests.get(
        f"{PORTAL}/api/2.0/people/@self",
        headers={"Authorization": "yourtoken", "Accept": "application/json"},
        timeout=30,  # seconds to connect, and to wait for each part of the answer
    )
except requests.Timeout:
    sys.exit("error: the portal did not answer within 30 s")
except requests.ConnectionError as error:
    sys.exit(f"error: cannot reach the portal: {error}")
try:
    answer = response.json()
except ValueError:  # a 401 may come with an empty body
    answer = {}

if not response.ok:
    message = (answer.get("error") or {}).get("message") or "(no error message)"
    sys.exit(f"error: HTTP {response.status_code}: {message}")

profile = answer.get("response") or {}
print(f"displayName: {profile.get('displayName')}")
print(f"email: {profile.get('email')}")
