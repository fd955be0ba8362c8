/** The readable CSRF cookie the server sets next to the (httpOnly) session cookie. */
export const CSRF_COOKIE = 'resonance_csrf';

export function readCookie(cookieHeader: string, name: string): string | undefined {
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
