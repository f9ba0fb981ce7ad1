"""Call the API with a token: print who it belongs to (Python 3 with requests)."""
import sys

import requests

PORTAL = "https://yourportal.onlyoffice.com"

response = requests.get(
    f"{PORTAL}/api/2.0/people/@self",
    headers={"Authorization": "yourtoken", "Accept": "application/json"},
    timeout=30,
)
try:
    answer = response.json()
except ValueError:  # a 401 comes with an empty body
    answer = {}

if not response.ok:
    message = (answer.get("error") or {}).get("message") or response.reason
    sys.exit(f"error: HTTP {response.status_code}: {message}")

profile = answer.get("response") or {}
print(f"displayName: {profile.get('displayName')}")
print(f"email: {profile.get('email')}")
