/** The sandbox's few non-JSON answers: avatar images and small HTML pages. */
import {PORTAL_CALLS, type PortalCall} from '../../src/docspace/contract';
import {SANDBOX_ACCOUNTS, SANDBOX_CODE, SANDBOX_PASSWORD, type SandboxAccount} from './accounts';

/** Nothing in these pages may run script or load anything, even if opened directly. */
const LOCKED_DOWN = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
};

/** The portal-relative path of an account's avatar at one size, as `avatar*` fields carry it. */
export function avatarPath(account: SandboxAccount, size: number): string {
  return `/storage/userPhotos/root/${account.id}_size_${size}-${size}.svg?hash=1`;
}

/** Reads `<id>_size_<n>-<n>.svg` back into the account and size, or undefined. */
export function parseAvatarFile(file: string): {account: SandboxAccount; size: number} | undefined {
  const match = /^([0-9a-f-]{36})_size_(\d{1,3})-\2\.svg$/.exec(file);
  const account = match && SANDBOX_ACCOUNTS.find((candidate) => candidate.id === match[1]);
  const size = Number(match?.[2]);
  return account && size >= 16 && size <= 400 ? {account, size} : undefined;
}

/** A circle with the account's initials: small, and safe to load in an <img>. */
export function avatarResponse(account: SandboxAccount, size: number): Response {
  const initials = escapeXml(`${account.firstName[0] ?? ''}${account.lastName[0] ?? ''}`);
  const hue = (Number.parseInt(account.id.slice(-4), 16) * 47) % 360;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100" role="img" aria-label="${initials}">` +
    `<circle cx="50" cy="50" r="50" fill="hsl(${hue} 45% 35%)"/>` +
    `<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="40" fill="#fff">${initials}</text></svg>`;
  return new Response(svg, {
    headers: {...LOCKED_DOWN, 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400'},
  });
}

/** The page a newcomer sees when opening the sandbox URL in a browser. */
export function homePage(): Response {
  const rows = SANDBOX_ACCOUNTS.map(
    (account) => `<tr><td><code>${escapeXml(account.userName)}</code></td><td>${escapeXml(account.description)}</td></tr>`,
  ).join('');
  return htmlPage(
    200,
    'DocSpace sandbox portal',
    `<p>A stand-in for a DocSpace portal that answers the sign-in API like a real one. ` +
      `Every password is <code>${SANDBOX_PASSWORD}</code>; second-factor codes are <code>${SANDBOX_CODE}</code>.</p>` +
      `<p>Try <code>${callText(PORTAL_CALLS.authenticate)}</code> and <code>${callText(PORTAL_CALLS.getSelf)}</code>.</p>` +
      `<table><thead><tr><th>userName</th><th>What happens</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** Where `confirmUrl` points: a real portal shows its code form here. */
export function confirmPage(): Response {
  return htmlPage(
    200,
    'Second factor',
    `<p>A real portal would ask for the code or set up the second factor on this page. ` +
      `In the sandbox, send the code <code>${SANDBOX_CODE}</code> to <code>${callText(PORTAL_CALLS.confirmCode)}</code>.</p>`,
  );
}

/** What a broken gateway in front of a portal sends: HTML, not the JSON envelope. */
export function badGatewayPage(): Response {
  return new Response(
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    {status: 502, headers: {'Content-Type': 'text/html'}},
  );
}

function htmlPage(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><h1>${escapeXml(title)}</h1>${body}</body></html>`;
  return new Response(html, {status, headers: {...LOCKED_DOWN, 'Content-Type': 'text/html; charset=utf-8'}});
}

/** `POST /api/2.0/authentication`, as the pages name a call. */
function callText({method, path}: PortalCall): string {
  return escapeXml(`${method} ${path}`);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
