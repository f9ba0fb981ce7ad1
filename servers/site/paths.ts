/** What a request path asks for, once decoded and checked. */
export type PathLookup =
  | {kind: 'candidates'; files: string[]; trailingSlash: boolean}
  | {kind: 'invalid'};

/**
 * Maps a URL path to the build files that may answer it, the way Docusaurus with
 * `trailingSlash: false` lays them out: `/docs/x` is `docs/x.html` or `docs/x/index.html`.
 * Anything that could climb out of the build (`..`, backslashes, NUL, bad escapes) is invalid.
 */
export function lookupPath(pathname: string): PathLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return {kind: 'invalid'};
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return {kind: 'invalid'};
  const trailingSlash = decoded.length > 1 && decoded.endsWith('/');
  const path = decoded.slice(1, trailingSlash ? -1 : undefined);
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return {kind: 'invalid'};
  if (path === '') return {kind: 'candidates', files: ['index.html'], trailingSlash: false};
  return {kind: 'candidates', files: [path, `${path}.html`, `${path}/index.html`], trailingSlash};
}

/** Docusaurus puts a content hash in every file name under assets/ (`main.a6541deb.js`). */
const HASHED_ASSET = /^assets\/.+[.-][0-9a-f]{8,}\./;

export function isHashedAsset(file: string): boolean {
  return HASHED_ASSET.test(file);
}
