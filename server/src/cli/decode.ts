/**
 * Turns a file's bytes into note text, or a plain reason why it is not a note we can read.
 * Notes arrive from many systems: UTF-8 with or without a byte-order mark, UTF-16 from Windows
 * tools ("Unicode" in Notepad), and now and then a Word document or PDF named by mistake.
 * Decoding is strict, because a silently mangled note would produce wrong positions.
 */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const NOT_TEXT = 'This is not a text file (it may be a Word document, PDF or image). Caselint checks Markdown case notes saved as text.';
const NOT_UTF8 = 'This file is not saved as UTF-8 text, so Caselint cannot read it reliably. Save it again with the encoding set to UTF-8.';
const BAD_UTF16 = 'This file is marked as UTF-16 text but is damaged or cut short. Save it again with the encoding set to UTF-8.';

export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checkText(utf8(bytes.subarray(3)));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(utf16le(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(utf16le(swapPairs(bytes.subarray(2))));
  // Text in UTF-8 never contains a zero byte; binary formats nearly always do.
  if (bytes.includes(0)) return { ok: false, reason: NOT_TEXT };
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: NOT_UTF8 };
  }
}

function utf16le(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: BAD_UTF16 };
  }
}

/** Big-endian UTF-16 becomes little-endian by swapping each byte pair; an odd last byte stays and fails decoding. */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i + 1 < out.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

function checkText(decoded: Decoded): Decoded {
  if (decoded.ok && decoded.text.includes('\u0000')) return { ok: false, reason: NOT_TEXT };
  return decoded;
}
