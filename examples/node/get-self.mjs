// Call the API with a token: print who it belongs to (Node.js 18+, no packages needed).
const portal = "https://yourportal.onlyoffice.com";

let response;
try {
  response = await fetch(`${portal}/api/2.0/people/@self`, {
    headers: { Authorization: "yourtoken", Accept: "application/json" },
    signal: AbortSignal.timeout(30_000),
  });
} catch (error) {
  fail(
    error.name === "TimeoutError"
      ? "the portal did not answer within 30 s"
      : `cannot reach the portal: ${error.cause?.message ?? error.message}`,
  );
}
const answer = await response.json().catch(() => null); // a 401 may come with an empty body

if (!response.ok) {
  fail(`HTTP ${response.status}: ${answer?.error?.message ?? "(no error message)"}`);
}
const profile = answer?.response ?? {};
console.log(`displayName: ${profile.displayName}`);
console.log(`email: ${profile.email}`);

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}
