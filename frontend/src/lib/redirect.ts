/** safeRedirect accepts only a path inside this app as a place to return to, never another origin. */
export function safeRedirect(raw: string | null | undefined): string | undefined {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return undefined;
  return raw;
}

/** parseId reads a positive integer route parameter; anything else is no record at all. */
export function parseId(raw: string | undefined): number | undefined {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return undefined;
  return Number(raw);
}

/** loginPathFor is the sign-in page that returns to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path === '/' ? '/login' : `/login?redirect=${encodeURIComponent(path)}`;
}
