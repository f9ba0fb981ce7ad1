// Call the API with a token: print who it belongs to (Node.js 18+, no packages needed).
const portal = "https://yourportal.onlyoffice.com";

const response = await fetch(`${portal}/api/2.0/people/@self`, {
  headers: { Authorization: "yourtoken", Accept: "application/json" },
});
const answer = await response.json().catch(() => null); // a 401 comes with an empty body

if (!response.ok) {
  console.error(`error: HTTP ${response.status}: ${answer?.error?.message ?? response.statusText}`);
  process.exit(1);
}
const profile = answer?.response ?? {};
console.log(`displayName: ${profile.displayName}`);
console.log(`email: ${profile.email}`);
