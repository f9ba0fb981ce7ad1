// Sign in to a DocSpace portal, use the token, sign out; make an API key and use it (Node.js 18+, no packages needed).
//   node docspace.mjs sign-in                        prints a token, or what the second factor needs
//   node docspace.mjs confirm <code>                 finishes a sign-in with the code from the app or the SMS
//   node docspace.mjs self                           prints who DOCSPACE_TOKEN belongs to
//   node docspace.mjs sign-out                       ends the session of DOCSPACE_TOKEN
//   node docspace.mjs create-key <name> <scope>...   makes an API key with DOCSPACE_TOKEN and prints it, once
//   node docspace.mjs self-with-key                  prints who DOCSPACE_API_KEY belongs to
// Reads DOCSPACE_PORTAL, DOCSPACE_USER and DOCSPACE_PASSWORD, DOCSPACE_TOKEN for self, sign-out and
// create-key, and DOCSPACE_API_KEY for self-with-key.
const [step, ...args] = process.argv.slice(2);

switch (step) {
  case "sign-in":
    printSignIn(await call("POST", "/api/2.0/authentication", { body: credentials() }));
    break;
  case "confirm": {
    const [code] = args;
    if (!/^[0-9]+$/.test(code ?? "")) fail("give the code from the app or the SMS, digits only: confirm 123456");
    printSignIn(await call("POST", `/api/2.0/authentication/${code}`, { body: { ...credentials(), code } }));
    break;
  }
  case "self":
    printProfile(await call("GET", "/api/2.0/people/@self", { authorization: env("DOCSPACE_TOKEN") }));
    break;
  case "sign-out":
    await call("POST", "/api/2.0/authentication/logout", { authorization: env("DOCSPACE_TOKEN") });
    console.log("signed out");
    break;
  case "create-key": {
    const [name, ...scopes] = args;
    if (!name || scopes.length === 0) fail("give the key a name and its scopes: create-key nightly-export accounts:read");
    // Sent once: a create that timed out may still have made a key, so it is never retried.
    const created = await call("POST", "/api/2.0/keys", { body: { name, permissions: scopes }, authorization: env("DOCSPACE_TOKEN") });
    if (!created.key) fail("the answer contains no key");
    console.log(`key: ${created.key}`);
    console.log("the portal shows this key only once: keep it in DOCSPACE_API_KEY or a secret store now");
    break;
  }
  case "self-with-key":
    printProfile(await call("GET", "/api/2.0/people/@self", { authorization: `Bearer ${env("DOCSPACE_API_KEY")}` }));
    break;
  default:
    fail("say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key");
}

function printProfile(profile) {
  console.log(`displayName: ${profile.displayName}`);
  console.log(`email: ${profile.email}`);
}

function credentials() {
  return { userName: env("DOCSPACE_USER"), password: env("DOCSPACE_PASSWORD") };
}

/** A sign-in's answer: the token, or what the portal wants first. */
function printSignIn(result) {
  if (result.token) {
    console.log(`token: ${result.token}`);
    console.log(`expires: ${result.expires}`);
  } else if (result.tfa && result.tfaKey) {
    console.log(`second factor not set up: add the key ${result.tfaKey} to your authenticator app (or open ${result.confirmUrl}), then run confirm <code>`);
  } else if (result.tfa) {
    console.log("second factor required: run confirm <code> with the code your authenticator app shows");
  } else if (result.sms && result.phoneNoise) {
    console.log(`second factor required: run confirm <code> with the code sent by SMS to ${result.phoneNoise}`);
  } else if (result.sms) {
    console.log(`second factor not set up: open ${result.confirmUrl} in a browser to confirm your phone number, then sign in again`);
  } else {
    fail("the answer contains no token");
  }
}

/** Sends one call and returns the answer's `response`; any failure ends the program with one line. */
async function call(method, path, { body, authorization } = {}) {
  const portal = env("DOCSPACE_PORTAL").replace(/\/+$/, "");
  const headers = { Accept: "application/json" };
  if (body) headers["Content-Type"] = "application/json";
  if (authorization) headers.Authorization = authorization;
  let response;
  try {
    response = await fetch(portal + path, {
      method,
      headers,
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    fail(
      error.name === "TimeoutError"
        ? "the portal did not answer within 30 s"
        : `cannot reach the portal: ${error.cause?.message ?? error.message}`,
    );
  }
  // A 401 may come with an empty body, and error pages may not be JSON.
  const answer = await response.json().catch(() => null);
  if (!response.ok) fail(`HTTP ${response.status}: ${answer?.error?.message ?? "(no error message)"}`);
  return answer?.response ?? {};
}

function env(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set`);
  return value;
}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}
