/**
 * Blanks the parts of a prose block that are not words a reader reads as prose: inline code,
 * web addresses, e-mail addresses, file names and paths, and `[bracketed placeholders]` left by
 * quick-fix templates. Every index is kept (blanked characters become spaces), so a rule can
 * search the result and still map a match back to the source with `block.map`.
 *
 * Every pattern here is linear: each repetition is delimited by a character the next one cannot
 * start with, so no input can make them backtrack badly.
 */
import type { TextBlock } from './markdown';

const URL = /(?<![\w@.-])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?')\]]/gi;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const FILE_EXT = 'pdf|docx?|xlsx?|csv|txt|md|jpe?g|png|gif|heic|pptx?|msg|eml|zip|rtf|odt|ods|mp3|mp4|m4a|wav|mov';
/** A file name, with any folders before it: `CIN plan v2.docx` stays prose, `plans/CIN_plan_v2.docx` does not. */
const FILE = new RegExp(String.raw`(?<![\w.\/\\-])(?:[A-Za-z]:\\)?(?:[\w.-]+[\/\\])*[\w.-]+\.(?:${FILE_EXT})(?![\w])`, 'gi');
const PLACEHOLDER = /\[[^\[\]\n]{2,200}\]/g;

function blank(s: string): string {
  return ' '.repeat(s.length);
}

/** The block's plain text with what came from inline code in the source blanked. */
function withoutInlineCode(block: TextBlock, text: string): string {
  const source = text.slice(block.start, block.end);
  if (!source.includes('`')) return block.plain;
  const ranges: [number, number][] = [];
  const re = /(`+)[^`]+?\1(?!`)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) ranges.push([block.start + m.index, block.start + m.index + m[0].length]);
  if (!ranges.length) return block.plain;
  const plain = block.plain.split('');
  let r = 0;
  for (let i = 0; i < plain.length; i++) {
    const at = block.map[i];
    while (r < ranges.length && ranges[r][1] <= at) r++;
    if (r >= ranges.length) break;
    if (at >= ranges[r][0]) plain[i] = ' ';
  }
  return plain.join('');
}

/**
 * Several rules ask for the same block. A block object always stands for the same source text
 * (a reused section keeps its blocks only while its text is unchanged), so the answer is kept
 * with the block.
 */
const masked = new WeakMap<TextBlock, string>();

/**
 * The block's plain text with inline code, links, e-mail addresses, file names and template
 * placeholders replaced by spaces (same length as `block.plain`).
 */
export function maskNonProse(block: TextBlock, text: string): string {
  let out = masked.get(block);
  if (out === undefined) {
    out = withoutInlineCode(block, text).replace(URL, blank).replace(EMAIL, blank).replace(FILE, blank).replace(PLACEHOLDER, blank);
    masked.set(block, out);
  }
  return out;
}
