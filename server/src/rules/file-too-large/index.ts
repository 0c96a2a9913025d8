/**
 * file-too-large: a file too big to check (several million characters: usually a whole exported
 * case system in one file rather than a note). Saying so is better than freezing the editor or
 * silently checking nothing.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';
import { MAX_NOTE_CHARS } from '../../core/document';

export const fileTooLarge: RuleDefinition = {
  id: 'file-too-large',
  defaultSeverity: 'warning',
  lexicon: {},
  docs: {
    description: 'Says when a file is too large to check, so that nobody assumes it was checked.',
    why: `Caselint checks files of up to ${(MAX_NOTE_CHARS / 1_000_000).toFixed(0)} million characters (about 800,000 words). A larger file is usually a whole export in one piece; splitting it into one file per child or per year lets every part be checked.`,
    guidance: [{ source: 'Local safeguarding partnership key principles, 2.5 Record keeping', passage: 'Records should be clear, accurate and contemporaneous.' }],
    examples: [{ poor: 'One 50 MB file holding every record for a team.', good: 'One file per child, or per child per year.' }],
  },
  check({ note }: RuleContext): RuleReport[] {
    if (note.text.length <= MAX_NOTE_CHARS) return [];
    const size = (note.text.length / 1_000_000).toFixed(1);
    const message = `This file is too large for Caselint to check (${size} million characters; the limit is ${MAX_NOTE_CHARS / 1_000_000} million). Split it into smaller files, for example one per child or per year, so every part can be checked.`;
    return [{ start: 0, end: 0, message, redactedMessage: message }];
  },
};
