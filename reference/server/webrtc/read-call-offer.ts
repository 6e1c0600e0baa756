/**
 * The body of a call request, as the Realtime API takes it: `application/sdp` (the SDP offer alone), or
 * `multipart/form-data` with an `sdp` field and an optional `session` field (JSON session configuration, applied
 * before session.created). Anything else is a CallOfferError naming what was wrong (HTTP 400 or 415).
 */
import type { IncomingMessage } from 'node:http';

export const MAX_OFFER_BYTES = 256 * 1024;

export interface CallOffer {
  sdp: string;
  /** The `session` field of a multipart request, parsed. */
  session?: unknown;
}

export class CallOfferError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readCallOffer(req: IncomingMessage): Promise<CallOffer> {
  const contentType = String(req.headers['content-type'] ?? '');
  const body = await readBody(req);
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/sdp') return { sdp: requireSdp(body.toString('utf8'), 'the request body') };
  if (mediaType === 'multipart/form-data') return readMultipart(body, contentType);
  throw new CallOfferError(
    415,
    'unsupported_content_type',
    `Unsupported Content-Type "${contentType || '(none)'}": send the SDP offer as application/sdp, or multipart/form-data with "sdp" and "session" fields.`,
  );
}

async function readMultipart(body: Buffer, contentType: string): Promise<CallOffer> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new CallOfferError(400, 'invalid_multipart', `Invalid multipart body: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sdp = await fieldText(form.get('sdp'));
  if (sdp === null) throw new CallOfferError(400, 'missing_required_parameter', "Missing required parameter: 'sdp'.");
  const sessionText = await fieldText(form.get('session'));
  if (sessionText === null) return { sdp: requireSdp(sdp, "the 'sdp' field") };
  let session: unknown;
  try {
    session = JSON.parse(sessionText);
  } catch (error) {
    throw new CallOfferError(400, 'invalid_json', `Invalid JSON in the 'session' field: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { sdp: requireSdp(sdp, "the 'sdp' field"), session };
}

async function fieldText(value: FormDataEntryValue | null): Promise<string | null> {
  if (value === null) return null;
  return typeof value === 'string' ? value : await value.text();
}

function requireSdp(text: string, where: string): string {
  if (!text.trimStart().startsWith('v=0')) throw new CallOfferError(400, 'invalid_offer', `Invalid SDP offer in ${where}: it must start with "v=0".`);
  return text;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_OFFER_BYTES) {
        reject(new CallOfferError(413, 'request_too_large', `Call request body over ${MAX_OFFER_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
