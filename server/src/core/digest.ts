/**
 * Cache keys for long stretches of text. Caches keyed by the text itself would keep a copy of
 * every version of every entry alive until they are evicted (tens of megabytes with a few long
 * records open), and a key cut out of a note keeps the whole note alive with it. A SHA-1 digest
 * is 27 characters whatever the length of the text, and two different texts never share one in
 * practice (the chance is about one in 10^24 for the thousands of keys a cache holds).
 */
import { createHash } from 'node:crypto';

export function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
