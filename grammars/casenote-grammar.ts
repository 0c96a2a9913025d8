/**
 * Builds the TextMate injection grammar that gives case-note structure its own scopes inside
 * Markdown: entry headings (and bold date lines standing in for them) with their date, time and
 * kind of contact; bold field labels; judgement labels and wording; quoted speech; unfilled
 * `[placeholders]`; Caselint's disable comments.
 *
 * What is highlighted should be what the checks read, so the dates and the judgement wording are
 * taken from the checker itself (DATE_PATTERN, the opinion-as-fact lexicon), and the rest are
 * imported from the checker too (CONTACT_WORDS, JUDGEMENT_LABELS); grammar.test.ts holds the result to the checker's own answers.
 * `npm run grammar` writes the result to casenote.injection.tmLanguage.json, the file VS Code
 * loads; grammar.test.ts fails when that file is out of date.
 */
import { DATE_PATTERN } from '../server/src/core/dates';
import { CONTACT_WORDS, JUDGEMENT_LABELS } from '../server/src/core/structure';
import { entryPattern } from '../server/src/core/text';
import opinionLexicon from '../server/src/rules/opinion-as-fact/lexicon.json';

type Rule = Record<string, unknown>;

/** Case-insensitive group. The checker's JavaScript patterns read the same in Oniguruma. */
const ci = (source: string) => `(?i:${source})`;
/** Lets a pattern written with a straight apostrophe also match the curly one word processors use. */
const eitherApostrophe = (source: string) => source.replace(/'/g, "['’]");

const DATE = DATE_PATTERN.source;

/** "Contact record", "visit notes", "incident log" name the document, not a contact (TITLE_PHRASE). */
const NOT_A_TITLE = String.raw`(?!\s+(?:record|records|recording|notes|log|chronology|file)\b)`;
const NAMES_CONTACT = ci(String.raw`\b(?:${CONTACT_WORDS})\b${NOT_A_TITLE}`);

/** The same contacts for highlighting, with the usual two- and three-word kinds kept whole. */
const CONTACT_KEYWORD = ci(
  String.raw`\b(?:` +
    [
      String.raw`(?:(?:home|school|statutory|joint|unannounced|announced|assessment|nursery|hospital|office|follow-up|virtual|video)\s+)?visit(?:s|ed)?`,
      String.raw`(?:(?:tele)?phone|video|teams|whatsapp)\s+calls?`,
      String.raw`(?:(?:strategy|core group|professionals'?|network|family|review|planning|team around the (?:child|family)|tac|taf)\s+)?meeting`,
      String.raw`(?:strategy\s+)?discussion`,
      String.raw`(?:(?:initial|review)\s+)?(?:child protection\s+)?conference`,
      CONTACT_WORDS,
    ]
      .map(eitherApostrophe)
      .join('|') +
    String.raw`)\b${NOT_A_TITLE}`,
);

/** Labels that open the writer's own analysis (JUDGEMENT_LABELS in server/src/core/structure.ts). */
const JUDGEMENT_LABEL = ci(eitherApostrophe(String.raw`(?:\d+[.)]\s*)?(?:(?:my|the|our)\s+)?(?:${JUDGEMENT_LABELS.join('|')})\b`));

/** The opinion-as-fact rule's judgement markers, compiled the way its word lists are (core/text.ts). */
function judgementMarkers(): Rule[] {
  return opinionLexicon.judgementMarkers.map((entry) => {
    const source = entry.startsWith('re:')
      ? entry.slice(3)
      : String.raw`(?<![\w'’-])` + entryPattern(entry) + String.raw`(?![\w-])`;
    return { name: 'keyword.other.judgement.casenote', match: ci(source) };
  });
}

/** `[what the child said]`, as the unfilled-placeholder rule finds it: two words or more, not a link. */
const PLACEHOLDER = String.raw`\[(?!\^)(?=[^\[\]\n]*?[^\s\[\]]\s+[^\s\[\]])[^\[\]\n]{3,200}\](?![(\[:])`;

const TIME = ci(String.raw`\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?[ap]m\b)?|\b(?:1[0-2]|0?[1-9])\s?[ap]m\b`);

const BOLD = 'punctuation.definition.bold.markdown';
const HEADING_MARK = 'punctuation.definition.heading.markdown';
/** An ATX heading as Markdown reads it: up to three spaces, 1–6 hashes, optional closing hashes. */
const heading = (content: string) => String.raw`^ {0,3}(#{1,6})(\s+)(${content})(?:\s+(#+))?\s*$`;

function fieldLabel(match: string, colonInside: boolean): Rule {
  const label = { name: 'entity.name.tag.field-label.casenote markup.bold.markdown', patterns: [{ include: '#judgement-label' }] };
  const colon = 'punctuation.separator.key-value.casenote';
  return colonInside
    ? { match, captures: { 1: { name: BOLD }, 2: label, 3: { name: `${colon} markup.bold.markdown` }, 4: { name: BOLD } } }
    : { match, captures: { 1: { name: BOLD }, 2: label, 3: { name: BOLD }, 4: { name: colon } } };
}

/**
 * Quoted words, with any placeholder inside still shown (the rule still reports it). A begin/end
 * pair whose begin looks ahead for the closing mark on the same line, rather than one match with
 * its capture re-read: re-reading copies the line up to each quote, which is slow on long lines.
 */
function speech(begin: string, end: string, name: string): Rule {
  return { name, begin, end, patterns: [{ include: '#placeholder' }] };
}

export function caseNoteGrammar(): Rule {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Case note structure (Caselint)',
    scopeName: 'text.casenote.injection',
    comment: 'Generated by grammars/casenote-grammar.ts (npm run grammar); edit that file, not this one.',
    // Code, comments and front matter are left as they are. Inside quoted words only the speech
    // rule's own placeholder pattern applies: "I think" in a child's words is not the writer's view.
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment -string.quoted -meta.embedded.block.frontmatter',
    patterns: ['entry-heading', 'judgement-heading', 'directive', 'bold-date-line', 'field-label', 'speech', 'placeholder', 'judgement', 'date'].map((name) => ({ include: `#${name}` })),
    repository: {
      'entry-heading': {
        comment: 'A heading with a date or naming a contact opens an entry: ## 14/03/2026 Home visit.',
        name: 'markup.heading.markdown markup.heading.entry.casenote',
        match: heading(String.raw`(?=.*?(?:${ci(DATE)}|${NAMES_CONTACT})).*?`),
        captures: {
          1: { name: HEADING_MARK },
          3: { name: 'entity.name.section.markdown', patterns: [{ include: '#date' }, { include: '#time' }, { include: '#contact' }, { include: 'text.html.markdown#inline' }] },
          4: { name: HEADING_MARK },
        },
      },
      'judgement-heading': {
        comment: "A heading that opens the writer's own analysis: ## Analysis, ## Worker's view (SW).",
        name: 'markup.heading.markdown markup.heading.judgement.casenote',
        match: heading(String.raw`${JUDGEMENT_LABEL}(?:\s*\([^)\n]*\))?`),
        captures: { 1: { name: HEADING_MARK }, 3: { name: 'entity.name.section.markdown keyword.other.judgement.casenote' }, 4: { name: HEADING_MARK } },
      },
      directive: {
        comment: 'Matched where the comment starts, so it wins over Markdown’s own comment rule.',
        name: 'comment.block.directive.casenote',
        match: String.raw`<!--\s*caselint-(?:disable-next-line|disable-line|disable|enable)\b.*?-->`,
      },
      'bold-date-line': {
        comment: 'A whole bold line with a date stands in for an entry heading: **14/03/2026 Home visit**.',
        match: String.raw`^\s*(\*\*|__)(?=[^*_\n]*?${ci(DATE)})([^*_\n]+)(\1)\s*$`,
        captures: {
          1: { name: BOLD },
          2: { name: 'markup.heading.entry.casenote markup.bold.markdown', patterns: [{ include: '#date' }, { include: '#time' }, { include: '#contact' }] },
          3: { name: BOLD },
        },
      },
      'field-label': {
        comment: "Bold text ending in a colon, inside or just after the bold: **Child's views:**, **Present**:. Bold without a colon is emphasis.",
        patterns: [
          fieldLabel(String.raw`(\*\*|__)([^*_\n]{1,60}?)(:)(\1)(?=\s|$)`, true),
          fieldLabel(String.raw`(\*\*|__)([^*_\n:]{1,60}?)(\1)(:)(?=\s|$)`, false),
        ],
      },
      'judgement-label': {
        // Only from the start of the label, just after the bold marks. \G cannot say this: the engine
        // does not anchor it at the start of a capture it re-reads.
        comment: 'From the start of the label: **Professional judgement (chair):**, not **Summary of analysis:**.',
        name: 'keyword.other.judgement.casenote',
        match: String.raw`(?<=\*\*|__)${JUDGEMENT_LABEL}`,
      },
      speech: {
        comment: "Someone's words, as the checker masks them (core/text.ts): straight or curly double quotes, and single curly quotes around a phrase.",
        patterns: [
          speech(String.raw`"(?=[^"\n]+")`, '"', 'string.quoted.double.speech.casenote'),
          speech(String.raw`“(?=[^”\n]+”)`, '”', 'string.quoted.double.speech.casenote'),
          speech(String.raw`(?<=^|[\s(])‘(?=[^’\n]+’(?:[\s.,;:!?)]|$))`, '’', 'string.quoted.single.speech.casenote'),
        ],
      },
      placeholder: {
        comment: 'Not links ([text](url), [text][ref], [ref]: url), task boxes, footnotes or one-word editorial brackets ([she]).',
        name: 'invalid.deprecated.placeholder.casenote',
        match: PLACEHOLDER,
      },
      judgement: { comment: "The opinion-as-fact rule's judgement markers.", patterns: judgementMarkers() },
      date: { name: 'constant.other.date.casenote', match: ci(DATE) },
      time: { comment: 'A time in an entry heading: 10:20, 16.30, 4pm.', name: 'constant.other.time.casenote', match: TIME },
      contact: { comment: 'The kind of contact, in an entry heading.', name: 'keyword.other.contact.casenote', match: CONTACT_KEYWORD },
    },
  };
}

/** The grammar file's exact text. */
export function caseNoteGrammarJson(): string {
  return JSON.stringify(caseNoteGrammar(), null, 2) + '\n';
}
