/**
 * The server's failure log must help whoever fixes Caselint without ever showing them a note.
 */
import { describe, expect, it } from 'vitest';
import { describeFault } from '../../src/lsp/fault';

const NOTE = 'Zebedee told me on 14/03/2026 that Mrs Okoro rang 07700 900123 about the bruise.\n';

describe('describing a fault for the log', () => {
  it('keeps the kind of error and its wording, but not the words it quoted from the note', () => {
    const error = new SyntaxError('Unexpected token in "Zebedee told me" at 07700');
    const logged = describeFault(error, NOTE);
    expect(logged).toMatch(/^SyntaxError: Unexpected token in "… … me" at …/);
    expect(logged).not.toMatch(/Zebedee|told|07700/);
  });

  it('keeps where the error happened in Caselint', () => {
    expect(describeFault(new Error('x'), NOTE)).toMatch(/\| at .*fault\.test\.ts/);
  });

  it('leaves the message out when it does not know which note was being checked', () => {
    const logged = describeFault(new TypeError('Cannot read "Zebedee"'));
    expect(logged).toMatch(/^TypeError \(message withheld/);
    expect(logged).not.toContain('Zebedee');
  });

  it('describes things thrown that are not errors', () => {
    expect(describeFault('Zebedee', NOTE)).toBe('Error: …');
  });
});
