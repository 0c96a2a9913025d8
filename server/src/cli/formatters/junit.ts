/**
 * The JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure DevOps,
 * CircleCI). Each note is one test case (classname "caselint", named by its path):
 *   - each error finding is a <failure> (type: the rule id), so a note with errors fails;
 *   - warnings and information findings do not fail the note: they are listed in the test case's
 *     <system-out>, one per line, because JUnit has no "warning" outcome and <system-out> is the
 *     part every reader shows beside the test case (properties are hidden by most of them);
 *   - a file that could not be checked is an <error> (the test could not run), and a named file
 *     skipped by an "ignore" pattern is <skipped>.
 * The suite's `failures` and `errors` count notes, like `tests`. Text is escaped for XML, and
 * characters XML cannot hold (control characters, lone surrogates) become U+FFFD.
 */
import type { FileMessage, FileResult } from '../result';
import { reportPath } from './paths';

export interface JunitOptions {
  cwd: string;
}

interface Case {
  xml: string;
  failed: boolean;
  errored: boolean;
  skipped: boolean;
}

export function formatJunit(results: readonly FileResult[], options: JunitOptions): string {
  const cases = results.map((r) => testCase(r, options.cwd));
  const counts = `tests="${cases.length}" failures="${cases.filter((c) => c.failed).length}" errors="${cases.filter((c) => c.errored).length}" skipped="${cases.filter((c) => c.skipped).length}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="caselint" ${counts}>`,
    `  <testsuite name="caselint" ${counts}>`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(result: FileResult, cwd: string): Case {
  const name = attr(reportPath(result.filePath, cwd));
  const errors = result.messages.filter((m) => m.ruleId !== null && m.severity === 'error');
  const others = result.messages.filter((m) => m.ruleId !== null && m.severity !== 'error');
  const fatal = result.messages.filter((m) => m.ruleId === null && m.fatal);
  const notices = result.messages.filter((m) => m.ruleId === null && !m.fatal);
  const body: string[] = [];
  if (fatal.length === 0 && notices.length > 0) body.push(`      <skipped message="${attr(notices[0].message)}"/>`);
  for (const m of fatal) body.push(`      <error message="${attr(m.message)}" type="not-checked">${text(m.message)}</error>`);
  for (const m of errors) body.push(`      <failure message="${attr(m.message)}" type="${attr(m.ruleId ?? '')}">${text(describe(m))}</failure>`);
  if (others.length > 0) body.push(`      <system-out>${text(others.map(describe).join('\n'))}</system-out>`);
  const open = `    <testcase classname="caselint" name="${name}" file="${name}"`;
  return {
    xml: body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`,
    failed: errors.length > 0,
    errored: fatal.length > 0,
    skipped: fatal.length === 0 && notices.length > 0,
  };
}

/** "line 4, column 11: warning: <message> (rule-id)", the way a person reads it in a CI page. */
function describe(m: FileMessage): string {
  const where = m.line === undefined ? '' : `line ${m.line}, column ${m.column}: `;
  return `${where}${m.severity}: ${m.message} (${m.ruleId})`;
}

/** Replaces what XML 1.0 cannot hold at all: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
function xmlSafe(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks so parsers do not fold them into spaces. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
