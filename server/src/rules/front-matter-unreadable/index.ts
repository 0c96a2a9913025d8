/**
 * front-matter-unreadable: the details block at the top of a note (YAML front matter: child,
 * worker, dates) is present but cannot be read. The rest of the note is still checked, but rules
 * that use those details (who the child is) have less to go on, and an export may lose them.
 */
import type { RuleContext, RuleDefinition, RuleReport } from '../rule';

export const frontMatterUnreadable: RuleDefinition = {
  id: 'front-matter-unreadable',
  defaultSeverity: 'warning',
  lexicon: {},
  docs: {
    description: 'Finds a details block at the top of a note (front matter) that cannot be read.',
    why: "The details at the top of a note say whose record it is, who wrote it and when. If they cannot be read, case systems and Caselint lose them: for example, Caselint cannot tell which names are the child's.",
    guidance: [{ source: 'Local safeguarding partnership key principles, 2.5 Record keeping', passage: 'Records should be clear, accurate and contemporaneous.' }],
    examples: [
      { poor: '---\nchild: Jamie K. (7\nworker: [Alex Morgan\n', good: '---\nchild: Jamie K. (7)\nworker: Alex Morgan, Social Worker\n---' },
    ],
  },
  check({ note }: RuleContext): RuleReport[] {
    const problem = note.frontMatterProblem;
    return problem ? [{ start: problem.start, end: problem.end, message: problem.message, redactedMessage: 'The details block at the top of the note (front matter) could not be read.' }] : [];
  },
};
