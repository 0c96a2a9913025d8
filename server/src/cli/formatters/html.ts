/**
 * The case-file audit report: one self-contained HTML page for supervisors and auditors, with a
 * summary, charts (findings by check, by file and over time), a sortable table of files and each
 * finding with its line. `renderHtmlReport` is a pure function of the results, so the `caselint`
 * command and the language server (VS Code's "Show case-file report") produce the same page.
 *
 * Self-contained means: inline CSS, inline SVG, one small inline script (only for sorting the
 * table, which works without it), no fonts, images or links that load anything, and a
 * Content-Security-Policy that allows nothing else: by hash for a saved file, by nonce in a
 * VS Code webview. The page is in plain UK English, headings are in order, charts have text
 * alternatives and tables beside them, and it prints cleanly.
 */
import { createHash } from 'node:crypto';
import type { FileMessage, FileResult } from '../result';
import { horizontalBarChart, verticalBarChart, type Bar } from './report/charts';
import { count, esc, longDate, num, ruleName, SEVERITY_LABEL } from './report/markup';
import { buildReportModel, type FileRow, type ReportModel, type RuleInfo, type RuleRow } from './report/model';
import { SORT_SCRIPT } from './report/sort-script';
import { REPORT_CSS } from './report/style';

export type { RuleInfo } from './report/model';

export interface HtmlReportOptions {
  /** File names are shown relative to this folder. */
  cwd: string;
  /** Caselint's version, named in the report. */
  version: string;
  /** When the check ran; passed in so the function stays pure. */
  generatedAt: Date;
  /** The checks to describe (normally the whole registry) with links to their pages. */
  rules: readonly RuleInfo[];
  /** True when messages were redacted: the report says so and leaves out entry dates. */
  redacted?: boolean;
  /** How many files the "by file" chart shows; the rest are listed under it. Default 10. */
  topFiles?: number;
  /** For a VS Code webview: allow the inline style and script by this nonce instead of by hash. */
  nonce?: string;
}

export function renderHtmlReport(results: readonly FileResult[], options: HtmlReportOptions): string {
  const model = buildReportModel(results, options.rules, options.cwd, !options.redacted);
  const body = [
    '<a class="skip" href="#main">Skip to the report</a>',
    '<div class="page">',
    header(model, options),
    '<main id="main">',
    summary(model, options),
    byRule(model),
    byFile(model, options.topFiles ?? 10),
    overTime(model),
    notChecked(model),
    eachFinding(model),
    '</main>',
    `<footer><p class="meta">Made by Caselint ${esc(options.version)} on this computer. Nothing was sent anywhere to make it.</p></footer>`,
    '</div>',
  ].join('\n');
  return page(body, options.nonce);
}

function page(body: string, nonce: string | undefined): string {
  // A nonce goes into the policy itself, so it may hold only the characters of base64.
  if (nonce !== undefined && !/^[A-Za-z0-9+/_=-]{8,}$/.test(nonce)) throw new Error('The report nonce must be 8 or more base64 characters.');
  const csp = nonce
    ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`
    : `default-src 'none'; style-src '${sha256(REPORT_CSS)}'; script-src '${sha256(SORT_SCRIPT)}'; base-uri 'none'; form-action 'none'`;
  const n = nonce ? ` nonce="${esc(nonce)}"` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Case-file audit – Caselint</title>',
    `<style${n}>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    `<script${n}>${SORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function header(model: ReportModel, options: HtmlReportOptions): string {
  return [
    '<header>',
    '<h1>Case-file audit</h1>',
    `<p class="meta">${esc(count(model.totals.files, 'file'))} in <code>${esc(options.cwd)}</code>, checked on ${esc(longDate(options.generatedAt))} by Caselint ${esc(options.version)}.</p>`,
    '</header>',
  ].join('\n');
}

function summary(model: ReportModel, options: HtmlReportOptions): string {
  const t = model.totals;
  const lead =
    t.findings === 0
      ? `Caselint checked ${esc(count(t.checked, 'case note'))} and found nothing to review.`
      : `Caselint checked ${esc(count(t.checked, 'case note'))} and found ${esc(count(t.findings, 'point'))} to review${t.checked === 1 ? '' : ` in ${esc(num(t.filesWithFindings))} of them`}: ${esc(count(t.errors, 'error'))}, ${esc(count(t.warnings, 'warning'))} and ${esc(num(t.info))} for information.`;
  const privacy = options.redacted
    ? 'This report is redacted: its messages carry no words from the notes, and the dates of entries are left out. File names are still shown.'
    : 'This report shows file names and Caselint’s messages, which can quote the notes (names, words used). Store and share it as you would the case files.';
  return [
    '<section aria-labelledby="what-found">',
    '<h2 id="what-found">What the checks found</h2>',
    `<p>${lead}${t.notChecked ? ` ${esc(count(t.notChecked, 'file'))} could not be checked; ${t.notChecked === 1 ? 'it is' : 'they are'} listed under “Files that could not be checked”.` : ''}</p>`,
    '<ul class="figures">',
    figure(t.checked, 'case notes checked'),
    figure(t.filesWithFindings, 'notes with findings'),
    figure(t.findings, 'findings'),
    figure(t.errors, 'errors'),
    figure(t.warnings, 'warnings'),
    '</ul>',
    '<p class="note">Each finding is a prompt to look again at the record, not proof of poor practice: read it against the note and, where it matters, talk it through in supervision. Errors are the checks set to matter most; warnings are worth a look.</p>',
    `<p class="note">${privacy}</p>`,
    '</section>',
  ].join('\n');
}

function figure(value: number, label: string): string {
  return `<li><strong>${esc(num(value))}</strong> ${esc(label)}</li>`;
}

function byRule(model: ReportModel): string {
  const found = model.rules.filter((r) => r.findings > 0);
  const bars: Bar[] = found.map((r) => ({ label: ruleName(r.id), value: r.findings }));
  const chart = found.length
    ? `<figure><figcaption>Findings by check. The same figures are in the table below.</figcaption>${horizontalBarChart(
        { id: 'chart-rules', title: 'Findings by check', summary: 'Bar chart of the number of findings for each check that found something.', unit: ['finding', 'findings'] },
        bars,
        230,
      )}</figure>`
    : '<p>No check found anything.</p>';
  return [
    '<section aria-labelledby="by-check">',
    '<h2 id="by-check">Findings by check</h2>',
    chart,
    '<table class="rules">',
    '<caption>Each check, what it looks for, and what it found</caption>',
    '<thead><tr><th scope="col">Check</th><th scope="col">What it looks for</th><th scope="col" class="n">Errors</th><th scope="col" class="n">Warnings</th><th scope="col" class="n">Information</th><th scope="col" class="n">Findings</th></tr></thead>',
    '<tbody>',
    ...model.rules.map(ruleRow),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function ruleRow(rule: RuleRow): string {
  const name = ruleName(rule.id);
  const link = rule.href ? ` <a href="${esc(rule.href)}">About this check<span class="visually-hidden">: ${esc(name)}</span></a>` : '';
  return `<tr id="check-${esc(rule.id)}"><th scope="row">${esc(name)}<br><code>${esc(rule.id)}</code></th><td>${esc(rule.description ?? 'A check from another version of Caselint.')}${link}</td>${cells(rule)}</tr>`;
}

function cells(counts: { errors: number; warnings: number; info: number; findings: number }): string {
  return [counts.errors, counts.warnings, counts.info, counts.findings].map((v) => `<td class="n" data-value="${v}">${esc(num(v))}</td>`).join('');
}

function byFile(model: ReportModel, top: number): string {
  const found = model.files.filter((f) => f.findings > 0);
  const shown = found.slice(0, top);
  const rest = found.slice(top);
  const chart = shown.length
    ? `<figure><figcaption>${shown.length < found.length ? `The ${esc(num(shown.length))} files with the most findings` : 'Findings in each file'}. Every file is in the table below.</figcaption>${horizontalBarChart(
        {
          id: 'chart-files',
          title: shown.length < found.length ? `Findings in the ${shown.length} files with the most` : 'Findings by file',
          summary: 'Bar chart of the number of findings in each file, most first.',
          unit: ['finding', 'findings'],
        },
        shown.map((f) => ({ label: f.path, value: f.findings })),
        300,
      )}</figure>`
    : '<p>No file has any findings.</p>';
  const more = rest.length
    ? `<p>Also with findings (${esc(count(rest.length, 'more file'))}):</p>\n<ul class="more" id="more-files">${rest.map((f) => `<li><a href="#${f.anchor}">${esc(f.path)}</a>: ${esc(num(f.findings))}</li>`).join('')}</ul>`
    : '';
  return [
    '<section aria-labelledby="by-file">',
    '<h2 id="by-file">Findings by case file</h2>',
    chart,
    more,
    '<h3 id="all-files">All case files</h3>',
    '<p class="screen-only">Choose a column heading to sort the table by it.</p>',
    '<p id="sort-status" class="visually-hidden" aria-live="polite"></p>',
    '<table id="files-table">',
    '<caption>Findings in each file, most first</caption>',
    '<thead><tr><th scope="col" data-sort="text">File</th><th scope="col" class="n" data-sort="number">Errors</th><th scope="col" class="n" data-sort="number">Warnings</th><th scope="col" class="n" data-sort="number">Information</th><th scope="col" class="n" data-sort="number" aria-sort="descending">Findings</th></tr></thead>',
    '<tbody>',
    ...model.files.map(fileRow),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function fileRow(file: FileRow): string {
  const name = file.findings > 0 || file.problem ? `<a href="#${file.anchor}">${esc(file.path)}</a>` : esc(file.path);
  const status = file.checked ? '' : ' (not checked)';
  return `<tr><th scope="row" data-value="${esc(file.path)}">${name}${status}</th>${cells(file)}</tr>`;
}

function overTime(model: ReportModel): string {
  const head = ['<section aria-labelledby="over-time">', '<h2 id="over-time">Findings over time</h2>'];
  const timeline = model.timeline;
  if (!timeline) {
    return [...head, '<p>Left out: this report is redacted, and the dates of entries come from the notes.</p>', '</section>'].join('\n');
  }
  if (model.totals.findings === 0) return [...head, '<p>There are no findings to show over time.</p>', '</section>'].join('\n');
  const intro = `<p>Each finding is counted in the ${timeline.unit} of the dated entry it is in (the date in the entry’s heading). Findings outside a dated entry, for example in a note with no dated headings, are counted under “No date”.</p>`;
  if (timeline.periods.length === 0) {
    return [...head, intro, `<p>None of the findings are in dated entries (${esc(count(timeline.undated, 'finding'))} with no date).</p>`, '</section>'].join('\n');
  }
  const bars: Bar[] = timeline.periods.map((p) => ({ label: p.short, name: p.long, value: p.count }));
  if (timeline.undated > 0) bars.push({ label: 'No date', value: timeline.undated, kind: 'undated' });
  const rows = [...timeline.periods.map((p) => [p.long, p.count] as const), ...(timeline.undated > 0 ? [['No date', timeline.undated] as const] : [])];
  return [
    ...head,
    intro,
    `<figure><figcaption>Findings by ${timeline.unit} of the entry. The same figures are in the table below.</figcaption>${verticalBarChart(
      { id: 'chart-time', title: `Findings by ${timeline.unit} of the entry`, summary: `Bar chart of the number of findings in the entries of each ${timeline.unit}, in date order.`, unit: ['finding', 'findings'] },
      bars,
    )}</figure>`,
    '<table class="timeline">',
    `<caption>Findings by ${timeline.unit}</caption>`,
    `<thead><tr><th scope="col">${timeline.unit === 'month' ? 'Month' : timeline.unit === 'quarter' ? 'Quarter' : 'Year'}</th><th scope="col" class="n">Findings</th></tr></thead>`,
    '<tbody>',
    ...rows.map(([label, value]) => `<tr><th scope="row">${esc(label)}</th><td class="n">${esc(num(value))}</td></tr>`),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function notChecked(model: ReportModel): string {
  const files = model.files.filter((f) => !f.checked);
  if (files.length === 0) return '';
  return [
    '<section aria-labelledby="not-checked">',
    '<h2 id="not-checked">Files that could not be checked</h2>',
    '<p>Nothing in these files was checked, so their absence from the charts says nothing about them.</p>',
    '<ul>',
    ...files.map((f) => `<li id="${f.anchor}"><strong>${esc(f.path)}</strong>: ${esc(f.problem ?? 'Not checked.')}</li>`),
    '</ul>',
    '</section>',
  ].join('\n');
}

function eachFinding(model: ReportModel): string {
  const withFindings = [...model.files].filter((f) => f.findings > 0).sort((a, b) => a.path.localeCompare(b.path, 'en-GB', { numeric: true }));
  const clean = model.files.filter((f) => f.checked && f.findings === 0).sort((a, b) => a.path.localeCompare(b.path, 'en-GB', { numeric: true }));
  return [
    '<section aria-labelledby="each-finding-heading" id="each-finding">',
    '<h2 id="each-finding-heading">Each finding</h2>',
    withFindings.length ? '<p>By file, in the order they appear in the note. Line numbers start at 1.</p>' : '<p>There are no findings.</p>',
    ...withFindings.map(fileFindings),
    clean.length ? `<h3 id="nothing-found">Files with nothing to review (${esc(num(clean.length))})</h3>\n<ul class="more">${clean.map((f) => `<li>${esc(f.path)}</li>`).join('')}</ul>` : '',
    '</section>',
  ].join('\n');
}

function fileFindings(file: FileRow): string {
  return [
    `<h3 id="${file.anchor}">${esc(file.path)}</h3>`,
    '<table class="findings">',
    `<caption class="visually-hidden">Findings in ${esc(file.path)}</caption>`,
    '<thead><tr><th scope="col" class="n">Line</th><th scope="col">Level</th><th scope="col">Check</th><th scope="col">What to look at</th></tr></thead>',
    '<tbody>',
    ...file.findingsList.map(findingRow),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function findingRow(m: FileMessage): string {
  const id = m.ruleId ?? '';
  return `<tr><td class="n">${m.line === undefined ? '–' : esc(num(m.line))}</td><td><span class="sev sev-${m.severity}">${SEVERITY_LABEL[m.severity]}</span></td><td><a href="#check-${esc(id)}">${esc(ruleName(id))}</a></td><td>${esc(m.message)}</td></tr>`;
}
