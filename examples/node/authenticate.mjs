// Sign in to a DocSpace portal and print the token (Node.js 18+, no packages needed).
const portal = "https://yourportal.onlyoffice.com";

let response;
try {
  response = await fetch(`${portal}/api/2.0/authentication`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ userName: "yourusername", password: "yourpassword" }),
    signal: AbortSignal.timeout(30_000),
  });
} catch (error) {
  fail(
    error.name === "TimeoutError"
      ? "the portal did not answer within 30 s"
      : `cannot reach the portal: ${error.cause?.message ?? error.message}`,
  );
}
const answer = await response.json().catch(() => null); // error pages may not be JSON

if (!response.ok) {
  fail(`HTTP ${response.status}: ${answer?.error?.message ?? "(no error message)"}`);
}
const result = answer?.response ?? {};
if (!result.token) {
  fail(
    result.tfa || result.sms
      ? "second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}"
      : "the answer contains no token",
  );
}
console.log(`token: ${result.token}`);
console.log(`expires: ${result.expires}`);

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}
