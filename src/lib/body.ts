// Reading a request body within the size limit and parsing it as JSON, with a 4xx naming what was wrong.
import { HttpError } from './errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads at most MAX_BODY_BYTES, refusing larger bodies without buffering them whole. */
export async function readLimitedBody(req: Request): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Checks content type, UTF-8 and JSON syntax; the result still needs its schema. */
export function parseJsonBody(contentType: string | undefined, bytes: Uint8Array): unknown {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'send the article as JSON with content-type: application/json', {
      content_type: contentType ?? null,
    });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_utf8', 'the body is not valid UTF-8');
  }
  if (text.trim().length === 0) throw new HttpError(400, 'empty_body', 'the body is empty; send a JSON object with a "text" field');
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof RangeError ? 'nested too deeply' : err instanceof Error ? err.message : 'syntax error';
    throw new HttpError(400, 'invalid_json', `the body is not valid JSON: ${detail}`);
  }
}
