/**
 * Quick-fix templates for opinion-as-fact. Each keeps the practitioner's words where it can and
 * adds `[bracketed placeholders]` for what only they can supply; a placeholder left unfilled is
 * itself a finding (unfilled-placeholder), so a half-finished fix cannot slip into a record.
 */
import type { Sentence } from '../../core/document';
import type { FixSpec } from '../rule';

const COMMON_FIRST_WORD = /^(?:The|He|She|They|His|Her|Their|It|There|This|That|These|Those|A|An|Both|Mum|Dad|Mother|Father|Home|House)\b/;

/** The sentence's first character, lower-cased when it is an ordinary word rather than a name. */
function continuation(text: string, sentence: Sentence): string {
  const first = text.slice(sentence.start, sentence.start + 1);
  return COMMON_FIRST_WORD.test(text.slice(sentence.start, sentence.end)) ? first.toLowerCase() : first;
}

export function opinionFixes(text: string, sentence: Sentence, word: string): FixSpec[] {
  const { start, end } = sentence;
  const endsWithStop = /[.!?]["”’)]*$/.test(text.slice(start, end));
  const tail = endsWithStop ? '' : '.';
  return [
    {
      title: 'Mark as your professional judgement, with the evidence it rests on',
      isPreferred: true,
      edits: [
        { start, end: start + 1, newText: `In my professional judgement, ${continuation(text, sentence)}` },
        { start: end, end, newText: `${tail} This is based on [what I saw, heard or was told that supports this, and when].` },
      ],
    },
    {
      title: 'Rewrite as an observation of what you saw or heard',
      edits: [{ start, end, newText: `[Describe what you saw or heard that led you to "${word}": what happened, where and when].` }],
    },
    {
      title: 'Attribute it to the person who said it',
      edits: [{ start, end: start + 1, newText: `[Who said this, and when] said that ${continuation(text, sentence)}` }],
    },
  ];
}
