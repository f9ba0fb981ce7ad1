// Sign in to a DocSpace portal and print the token (Node.js 18+, no packages needed).
const portal = "https://yourportal.onlyoffice.com";

const response = await fetch(`${portal}/api/2.0/authentication`, {
  method: "POST",
  headers: { "Content-Type": "application/json", Accept: "application/json" },
  body: JSON.stringify({ userName: "yourusername", password: "yourpassword" }),
});
const answer = await response.json().catch(() => null); // error pages may not be JSON

if (!response.ok) {
  console.error(`error: HTTP ${response.status}: ${answer?.error?.message ?? response.statusText}`);
  process.exit(1);
}
const result = answer?.response ?? {};
if (!result.token) {
  console.error(
    result.tfa || result.sms
      ? "error: second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}"
      : "error: the answer contains no token",
  );
  process.exit(1);
}
console.log(`token: ${result.token}`);
console.log(`expires: ${result.expires}`);
