/**
 * Client events this server accepts (same names in beta and GA). Envelope fields: `type` and optional `event_id`.
 * Items are loose objects (clients send extra item fields the real API tolerates); the rest is strict.
 */
import { z } from 'zod';

const base = { type: z.string(), event_id: z.string().optional() };
const itemId = z.string().min(1);

const contentPart = z.looseObject({
  type: z.enum(['input_text', 'input_audio', 'text', 'output_text', 'audio', 'output_audio', 'item_reference']),
  text: z.string().optional(),
  audio: z.string().optional(),
  transcript: z.string().nullable().optional(),
});

export const clientItemSchema = z.looseObject({
  id: z.string().min(1).max(64).optional(),
  type: z.enum(['message', 'function_call', 'function_call_output']),
  object: z.literal('realtime.item').optional(),
  status: z.enum(['completed', 'incomplete', 'in_progress']).optional(),
  role: z.enum(['user', 'assistant', 'system']).optional(),
  content: z.array(contentPart).optional(),
  call_id: z.string().optional(),
  name: z.string().optional(),
  arguments: z.string().optional(),
  output: z.string().optional(),
});

export const clientEventSchemas = {
  'session.update': z.strictObject({ ...base, session: z.record(z.string(), z.unknown()) }),
  'input_audio_buffer.append': z.strictObject({ ...base, audio: z.string() }),
  'input_audio_buffer.commit': z.strictObject(base),
  'input_audio_buffer.clear': z.strictObject(base),
  'conversation.item.create': z.strictObject({ ...base, previous_item_id: z.string().nullable().optional(), item: clientItemSchema }),
  'conversation.item.truncate': z.strictObject({ ...base, item_id: itemId, content_index: z.int().min(0), audio_end_ms: z.int().min(0) }),
  'conversation.item.delete': z.strictObject({ ...base, item_id: itemId }),
  'conversation.item.retrieve': z.strictObject({ ...base, item_id: itemId }),
  'response.create': z.strictObject({ ...base, response: z.looseObject({}).optional() }),
  'response.cancel': z.strictObject({ ...base, response_id: z.string().optional() }),
  'output_audio_buffer.clear': z.strictObject(base),
} as const;

export type ClientEventType = keyof typeof clientEventSchemas;
export type ClientEvent<T extends ClientEventType> = z.infer<(typeof clientEventSchemas)[T]>;
export type ClientItem = z.infer<typeof clientItemSchema>;

export function isClientEventType(type: string): type is ClientEventType {
  return Object.hasOwn(clientEventSchemas, type);
}
