// The inbox page's one way to reach the receiver: JSON in and out, the CSRF
// token on every change, and one shape for every failure, so each screen
// shows the server's Indonesian message instead of a blank box.

/** A failed call: the HTTP status (0 offline) and a message for people. */
export interface ApiFailure {
  readonly ok: false;
  readonly status: number;
  readonly message: string;
}
export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiFailure;

/** Where the inbox's API lives, relative to the page (`/petugas/`). */
export const API_BASE = 'api/';

export class Api {
  /** The session's CSRF token, set after login and on every session check. */
  csrf = '';
  /** Called when the server says the session is gone (expired, logged out elsewhere). */
  onUnauthorized: (message: string) => void = () => {};

  constructor(private readonly base: string = API_BASE) {}

  /** A URL for links (files, CSV) under the API. */
  url(path: string, query?: Record<string, string | number | undefined>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
    const search = params.toString();
    return `${this.base}${path}${search ? `?${search}` : ''}`;
  }

  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<ApiResult<T>> {
    return this.call<T>('GET', this.url(path, query));
  }

  post<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.call<T>('POST', this.url(path), body);
  }

  private async call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = this.csrf;
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
    } catch {
      return { ok: false, status: 0, message: 'Tidak dapat menghubungi server. Periksa sambungan internet, lalu coba lagi.' };
    }
    let json: unknown;
    try {
      json = response.status === 204 ? {} : await response.json();
    } catch {
      json = undefined;
    }
    if (response.ok && json !== undefined) return { ok: true, value: json as T };
    const message = typeof (json as { message?: unknown } | undefined)?.message === 'string' ? (json as { message: string }).message : `Server menjawab ${response.status}. Coba lagi sebentar lagi.`;
    if (response.status === 401 && !url.endsWith('login')) this.onUnauthorized(message);
    return { ok: false, status: response.status, message };
  }
}
