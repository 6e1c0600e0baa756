/**
 * HTTP side of the WebRTC transport: POST /v1/realtime/calls (the GA endpoint) and POST /v1/realtime?model=... (the
 * older one), also under a prefix such as Azure's /openai/v1/realtime/calls. Answers 201 with the SDP answer and a
 * Location header naming the call; errors are JSON in the Realtime API's error shape. CORS is open, so an app on
 * another loopback port can call the server directly (and read Location). werift loads on the first call only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RealtimeConnectionSettings } from '../realtime/realtime-connection.ts';
import { CallOfferError, readCallOffer } from './read-call-offer.ts';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  // x-openai-agents-sdk: @openai/agents-realtime's WebRTC transport sends it with every offer.
  'access-control-allow-headers': 'authorization, content-type, openai-beta, openai-organization, openai-project, x-openai-agents-sdk',
  'access-control-expose-headers': 'Location',
};

/** True for the paths this handler answers (any method: OPTIONS is the CORS preflight). */
export function isCallPath(path: string): boolean {
  return /\/realtime\/calls\/?$/.test(path) || /\/v1\/realtime\/?$/.test(path);
}

export async function handleCallRequest(req: IncomingMessage, res: ServerResponse, settings: RealtimeConnectionSettings): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    return void res.end();
  }
  if (req.method !== 'POST') return sendError(res, new CallOfferError(405, 'method_not_allowed', `Use POST for ${req.url ?? 'this path'}.`));
  try {
    const offer = await readCallOffer(req);
    const { answerCall } = await import('./webrtc-call.ts');
    const call = await answerCall(offer, req, settings);
    res.writeHead(201, { ...CORS_HEADERS, 'content-type': 'application/sdp', location: `/v1/realtime/calls/${call.callId}` });
    res.end(call.answerSdp);
  } catch (error) {
    if (error instanceof CallOfferError) return sendError(res, error);
    settings.log(`webrtc call failed: ${error instanceof Error ? error.message : String(error)}`);
    sendError(res, new CallOfferError(500, 'server_error', `The server could not answer the call: ${error instanceof Error ? error.message : String(error)}`));
  }
}

function sendError(res: ServerResponse, error: CallOfferError): void {
  if (res.headersSent) return void res.end();
  res.writeHead(error.status, { ...CORS_HEADERS, 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: error.message, type: 'invalid_request_error', code: error.code, param: null } }));
}
