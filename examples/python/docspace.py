"""Sign in to a DocSpace portal, use the token, sign out; make an API key and use it
(Python 3.8+, standard library only).

    python docspace.py sign-in                        prints a token, or what the second factor needs
    python docspace.py confirm <code>                 finishes a sign-in with the code from the app or the SMS
    python docspace.py self                           prints who DOCSPACE_TOKEN belongs to
    python docspace.py sign-out                       ends the session of DOCSPACE_TOKEN
    python docspace.py create-key <name> <scope>...   makes an API key with DOCSPACE_TOKEN and prints it, once
    python docspace.py self-with-key                  prints who DOCSPACE_API_KEY belongs to

Reads DOCSPACE_PORTAL, DOCSPACE_USER and DOCSPACE_PASSWORD, DOCSPACE_TOKEN for self, sign-out and
create-key, and DOCSPACE_API_KEY for self-with-key.
"""
import json
import os
import socket
import sys
import urllib.error
import urllib.request


def fail(message):
    sys.exit(f"error: {message}")  # prints to stderr, exits 1


def env(name):
    value = os.environ.get(name)
    if not value:
        fail(f"{name} is not set")
    return value


def credentials():
    return {"userName": env("DOCSPACE_USER"), "password": env("DOCSPACE_PASSWORD")}


def call(method, path, body=None, authorization=None):
    """Sends one call and returns the answer's `response`; any failure ends the program with one line."""
    portal = env("DOCSPACE_PORTAL").rstrip("/")
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    if authorization:
        headers["Authorization"] = authorization
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(portal + path, data=data, headers=headers, method=method)
    try:
        # timeout: seconds to connect, and to wait for each part of the answer.
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
    except urllib.error.HTTPError as error:  # any status that is not 2xx
        message = (parse(error.read()).get("error") or {}).get("message") or "(no error message)"
        fail(f"HTTP {error.code}: {message}")
    except (TimeoutError, socket.timeout):  # socket.timeout: Python before 3.10
        fail("the portal did not answer within 30 s")
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            fail("the portal did not answer within 30 s")
        fail(f"cannot reach the portal: {error.reason}")
    except ValueError as error:  # not a URL
        fail(f"cannot reach the portal: {error}")
    return parse(text).get("response") or {}


def parse(text):
    """The answer as JSON; {} for a body that is not, such as a 401's empty one or an error page."""
    try:
        answer = json.loads(text)
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def print_sign_in(result):
    """A sign-in's answer: the token, or what the portal wants first."""
    if result.get("token"):
        print(f"token: {result['token']}")
        print(f"expires: {result.get('expires')}")
    elif result.get("tfa") and result.get("tfaKey"):
        print(f"second factor not set up: add the key {result['tfaKey']} to your authenticator app"
              f" (or open {result.get('confirmUrl')}), then run confirm <code>")
    elif result.get("tfa"):
        print("second factor required: run confirm <code> with the code your authenticator app shows")
    elif result.get("sms") and result.get("phoneNoise"):
        print(f"second factor required: run confirm <code> with the code sent by SMS to {result['phoneNoise']}")
    elif result.get("sms"):
        print(f"second factor not set up: open {result.get('confirmUrl')} in a browser to confirm"
              " your phone number, then sign in again")
    else:
        fail("the answer contains no token")


def print_profile(profile):
    print(f"displayName: {profile.get('displayName')}")
    print(f"email: {profile.get('email')}")


def main(args):
    step = args[0] if args else None
    if step == "sign-in":
        print_sign_in(call("POST", "/api/2.0/authentication", body=credentials()))
    elif step == "confirm":
        code = args[1] if len(args) > 1 else ""
        if not (code.isascii() and code.isdigit()):
            fail("give the code from the app or the SMS, digits only: confirm 123456")
        print_sign_in(call("POST", f"/api/2.0/authentication/{code}", body={**credentials(), "code": code}))
    elif step == "self":
        print_profile(call("GET", "/api/2.0/people/@self", authorization=env("DOCSPACE_TOKEN")))
    elif step == "sign-out":
        call("POST", "/api/2.0/authentication/logout", authorization=env("DOCSPACE_TOKEN"))
        print("signed out")
    elif step == "create-key":
        name, scopes = (args[1] if len(args) > 1 else ""), args[2:]
        if not name or not scopes:
            fail("give the key a name and its scopes: create-key nightly-export accounts:read")
        # Sent once: a create that timed out may still have made a key, so it is never retried.
        created = call("POST", "/api/2.0/keys", body={"name": name, "permissions": scopes},
                       authorization=env("DOCSPACE_TOKEN"))
        if not created.get("key"):
            fail("the answer contains no key")
        print(f"key: {created['key']}")
        print("the portal shows this key only once: keep it in DOCSPACE_API_KEY or a secret store now")
    elif step == "self-with-key":
        print_profile(call("GET", "/api/2.0/people/@self", authorization=f"Bearer {env('DOCSPACE_API_KEY')}"))
    else:
        fail("say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key")


if __name__ == "__main__":
    main(sys.argv[1:])
