/** A small HTTP client for the integration tests: real requests over loopback. */
export interface Session {
  readonly userId: number;
  readonly key: string;
}

export interface CallOptions {
  readonly method?: string;
  readonly json?: unknown;
  readonly form?: Record<string, string | number | boolean>;
  readonly query?: Record<string, string | number | boolean>;
  readonly session?: Session;
  readonly bearer?: string;
  readonly headers?: Record<string, string>;
  readonly rawBody?: string;
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function call(
  baseUrl: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = encode(options.form);
  } else if (options.rawBody !== undefined) {
    body = options.rawBody;
  }
  if (options.session) {
    headers['x-spaaza-session-user-id'] = String(options.session.userId);
    headers['x-spaaza-session-key'] = options.session.key;
  }
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const query = options.query ? `?${encode(options.query)}` : '';
  const response = await fetch(`${baseUrl}${path}${query}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? {} : JSON.parse(text);
  return { status: response.status, body: isRecord(parsed) ? parsed : { value: parsed } };
}

/** The demo chain's three accounts, logged in one after another. */
export async function loginDemoAccounts(
  baseUrl: string,
): Promise<{ till: Session; manager: Session; admin: Session }> {
  const till = await loginAs(baseUrl, 'till-s001-01', 'demo-till');
  const manager = await loginAs(baseUrl, 'manager-s001', 'demo-manager');
  const admin = await loginAs(baseUrl, 'admin', 'demo-admin');
  return { till, manager, admin };
}

export async function loginAs(
  baseUrl: string,
  username: string,
  password: string,
): Promise<Session> {
  const answer = await call(baseUrl, '/auth/login', { form: { username, password } });
  const results = answer.body.results;
  const info = isRecord(results) ? results.session_info : undefined;
  if (
    !isRecord(info) ||
    typeof info.session_user_id !== 'number' ||
    typeof info.session_key !== 'string'
  ) {
    throw new Error(`login as ${username} failed: ${JSON.stringify(answer.body)}`);
  }
  return { userId: info.session_user_id, key: info.session_key };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function encode(fields: Record<string, string | number | boolean>): string {
  return new URLSearchParams(
    Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
}
