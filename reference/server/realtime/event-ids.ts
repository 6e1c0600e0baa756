/**
 * Ids in the Realtime API's shape (`event_…`, `item_…`, `resp_…`, `sess_…`): a per-connection random tag plus a
 * counter, so ids are unique across connections and never repeat within one.
 */
import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export type IdPrefix = 'event' | 'item' | 'resp' | 'sess' | 'conv' | 'rtc';
export type NextId = (prefix: IdPrefix) => string;

export function createIdFactory(): NextId {
  const tag = Array.from(randomBytes(9), (b) => alphabet[b % alphabet.length]).join('');
  let counter = 0;
  return (prefix) => {
    counter += 1;
    return `${prefix}_${tag}${counter.toString(36).padStart(6, '0')}`;
  };
}
