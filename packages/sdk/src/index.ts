import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

/**
 * The typed client of the Resonance API, generated from openapi/resonance.json
 * (`npm run openapi`). Only this wrapper is written by hand; schema.d.ts is generated.
 */
export type { components, paths };
export type ResonanceClient = Client<paths>;

export interface ResonanceClientOptions extends ClientOptions {
  /** a session token (from login with `bearer: true`) for clients without cookies */
  token?: string;
  /** the CSRF token to send on writes when the session cookie authenticates */
  csrfToken?: () => string | undefined;
}

export function createResonanceClient(options: ResonanceClientOptions = {}): ResonanceClient {
  const { token, csrfToken, ...rest } = options;
  const client = createClient<paths>(rest);
  client.use({
    onRequest({ request }) {
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      const csrf = csrfToken?.();
      if (csrf && request.method !== 'GET' && request.method !== 'HEAD')
        request.headers.set('x-csrf-token', csrf);
      return request;
    },
  });
  return client;
}
