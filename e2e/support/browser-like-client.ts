import { createResonanceClient, type ResonanceClient } from '../../packages/sdk/src/index.ts';

/**
 * A client that behaves like a browser tab: it keeps cookies between requests and echoes the
 * readable CSRF cookie in the x-csrf-token header, as the web app does.
 */
export interface BrowserLikeClient {
  api: ResonanceClient;
  cookies: Map<string, string>;
  fetch: typeof fetch;
  /** stop sending the CSRF header, to test the protection */
  withoutCsrf(): void;
}

export function browserLikeClient(baseUrl: string): BrowserLikeClient {
  const cookies = new Map<string, string>();
  let sendCsrf = true;
  const jarFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (cookies.size > 0) {
      request.headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(request);
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  const api = createResonanceClient({
    baseUrl,
    fetch: jarFetch,
    csrfToken: () => (sendCsrf ? cookies.get('resonance_csrf') : undefined),
  });
  return {
    api,
    cookies,
    fetch: jarFetch,
    withoutCsrf: () => {
      sendCsrf = false;
    },
  };
}
