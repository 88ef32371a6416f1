import { isRecord, type Answer, type Session } from './client';
import { EXAMPLE_API_VERSION, type ExampleBody, type ExampleRequest } from './spaaza-examples';

/** The body and content type of a request, as fetch sends them (multipart picks its own boundary). */
function encodeBody(body: ExampleBody): { body?: string | FormData; contentType?: string } {
  switch (body.type) {
    case 'none':
      return {};
    case 'form':
      return {
        body: new URLSearchParams(Object.entries(body.fields)).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'multipart': {
      const form = new FormData();
      for (const [name, value] of Object.entries(body.fields)) form.append(name, value);
      return { body: form };
    }
    case 'json':
      return { body: JSON.stringify(body.document), contentType: 'application/json' };
  }
}

/** Sends one example over real HTTP with a Spaaza session, as a Spaaza client would. */
export async function sendExample(
  baseUrl: string,
  request: ExampleRequest,
  session: Session,
): Promise<Answer> {
  const encoded = encodeBody(request.body);
  const headers: Record<string, string> = {
    'x-spaaza-api-version': EXAMPLE_API_VERSION,
    'x-spaaza-session-user-id': String(session.userId),
    'x-spaaza-session-key': session.key,
  };
  if (encoded.contentType !== undefined) headers['content-type'] = encoded.contentType;
  const search = new URLSearchParams(Object.entries(request.query)).toString();
  const response = await fetch(`${baseUrl}${request.path}${search === '' ? '' : `?${search}`}`, {
    method: request.method,
    headers,
    ...(encoded.body === undefined ? {} : { body: encoded.body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch {
    parsed = { unparsed: text };
  }
  return { status: response.status, body: isRecord(parsed) ? parsed : { value: parsed } };
}
