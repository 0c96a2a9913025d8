import { describe, expect, it } from 'vitest';
import { decodeNote } from './decode';

const NOTE = 'Home visit 12/03/2024. Amy said: “I like my room.” 😊\n';

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('decodeNote', () => {
  it('reads a UTF-8 note as it is', () => {
    expect(decodeNote(new TextEncoder().encode(NOTE))).toEqual({ ok: true, text: NOTE });
  });

  it('drops a UTF-8 byte-order mark so positions start at the first real character', () => {
    expect(decodeNote(concat(new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(NOTE)))).toEqual({ ok: true, text: NOTE });
  });

  it('reads a note Notepad saved as "Unicode" (UTF-16, little-endian)', () => {
    expect(decodeNote(concat(new Uint8Array([0xff, 0xfe]), utf16le(NOTE)))).toEqual({ ok: true, text: NOTE });
  });

  it('reads a big-endian UTF-16 note', () => {
    expect(decodeNote(concat(new Uint8Array([0xfe, 0xff]), utf16be(NOTE)))).toEqual({ ok: true, text: NOTE });
  });

  it('rejects a UTF-16 note that has been cut short', () => {
    const cut = concat(new Uint8Array([0xff, 0xfe]), utf16le(NOTE)).subarray(0, 9);
    expect(decodeNote(cut)).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16') });
  });

  it('rejects a binary file such as a Word document', () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(decodeNote(docx)).toMatchObject({ ok: false, reason: expect.stringContaining('not a text file') });
  });

  it('rejects text in an old Windows encoding rather than guessing', () => {
    // "Café visit" in Windows-1252: the é is the single byte 0xE9, which is not valid UTF-8.
    const latin1 = new Uint8Array(Buffer.from('Caf\u00e9 visit', 'latin1'));
    expect(decodeNote(latin1)).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-8') });
  });

  it('accepts an empty file', () => {
    expect(decodeNote(new Uint8Array())).toEqual({ ok: true, text: '' });
  });
});
