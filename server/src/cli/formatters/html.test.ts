/**
 * The audit report's markup, without a browser (html.browser.test.ts looks at it in Chromium):
 * it is self-contained, its policy allows exactly its own style and script, text from files
 * and messages cannot become markup, and the numbers in its charts and tables are right.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../result';
import { renderHtmlReport, type HtmlReportOptions } from './html';
import { ruleInfos } from './index';
import { REPORT_CSS } from './report/style';
import { SORT_SCRIPT } from './report/sort-script';
import { CWD, SAMPLE_RESULTS } from './sample-results';

const OPTIONS: HtmlReportOptions = { cwd: CWD, version: '0.1.0', generatedAt: new Date(2026, 2, 14, 12), rules: ruleInfos() };

function finding(ruleId: string, entryDate?: string, severity: 'error' | 'warning' | 'info' = 'warning') {
  return { ruleId, severity, message: `A ${ruleId} finding.`, line: 3, column: 1, endLine: 3, endColumn: 9, ...(entryDate ? { entryDate } : {}) };
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
/** The markup of one chart, from its id to the end of its <svg>. */
const section = (html: string, chart: string) => (html.split(`id="${chart}"`)[1] ?? '').split('</svg>')[0];

describe('the HTML audit report', () => {
  const html = renderHtmlReport(SAMPLE_RESULTS, OPTIONS);

  it('is one page that loads nothing from anywhere', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|url\(|@import|@font-face/i);
    expect(count(html, /<script/g)).toBe(1);
    expect(count(html, /<style/g)).toBe(1);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('allows its inline style and script by their hashes, and nothing else', () => {
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(REPORT_CSS)}; script-src ${hash(SORT_SCRIPT)}; base-uri 'none'; form-action 'none'">`);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).toContain(`<script>${SORT_SCRIPT}</script>`);
  });

  it('uses the nonce it is given instead, for a VS Code webview', () => {
    const page = renderHtmlReport(SAMPLE_RESULTS, { ...OPTIONS, nonce: 'n0nce+AB/cd=' });
    expect(page).toContain(`style-src 'nonce-n0nce+AB/cd='; script-src 'nonce-n0nce+AB/cd='`);
    expect(page).toContain('<style nonce="n0nce+AB/cd=">');
    expect(page).toContain('<script nonce="n0nce+AB/cd=">');
  });

  it('refuses a nonce that could break out of the policy', () => {
    expect(() => renderHtmlReport(SAMPLE_RESULTS, { ...OPTIONS, nonce: "x'; script-src *" })).toThrow(/nonce/);
    expect(() => renderHtmlReport(SAMPLE_RESULTS, { ...OPTIONS, nonce: 'short' })).toThrow(/nonce/);
  });

  it('opens with a plain summary for supervisors', () => {
    expect(html).toContain('<h1>Case-file audit</h1>');
    expect(html).toContain('<h2 id="what-found">What the checks found</h2>');
    expect(html).toContain('Caselint checked 2 case notes and found 3 points to review in 1 of them: 1 error, 1 warning and 1 for information. 1 file could not be checked');
    expect(html).toContain('checked on 14 March 2026 by Caselint 0.1.0');
  });

  it('describes every check in one line, with a link to its page, including checks that found nothing', () => {
    for (const rule of ruleInfos()) {
      expect(html).toContain(`<tr id="check-${rule.id}">`);
      expect(html).toContain(`<a href="${rule.href}">About this check<span class="visually-hidden">: `);
    }
  });

  it('draws a bar only for checks and files that have findings', () => {
    expect(count(section(html, 'chart-rules'), /<rect/g)).toBe(3);
    expect(count(section(html, 'chart-files'), /<rect/g)).toBe(1);
  });

  it('describes each chart in words with every value, for people who cannot see it', () => {
    expect(html).toContain('<svg class="chart" id="chart-rules" role="img" aria-labelledby="chart-rules-title chart-rules-desc"');
    expect(html).toMatch(/<desc id="chart-rules-desc">Bar chart of the number of findings for each check that found something\. [^<]*Opinion as fact: 1 finding/);
  });

  it('shows the files with most findings in the chart and lists the rest beneath it', () => {
    const results: FileResult[] = Array.from({ length: 14 }, (_, i) => ({
      filePath: `${CWD}/note-${String(i).padStart(2, '0')}.md`,
      messages: Array.from({ length: i + 1 }, () => finding('opinion-as-fact')),
    }));
    const page = renderHtmlReport(results, { ...OPTIONS, topFiles: 10 });
    expect(count(section(page, 'chart-files'), /<rect/g)).toBe(10);
    expect(page).toContain('Also with findings (4 more files)');
    expect(page.split('id="more-files"')[1].split('</ul>')[0]).toContain('note-00.md</a>: 1');
    expect(count(page.split('<table id="files-table">')[1].split('</table>')[0], /<tr>/g)).toBe(15);
  });

  it('counts findings by the month of their entry, with the months between and a "No date" bar', () => {
    const page = renderHtmlReport(
      [{ filePath: `${CWD}/record.md`, messages: [finding('opinion-as-fact', '2026-01-05'), finding('opinion-as-fact', '2026-01-28'), finding('oral-followup-missing', '2026-03-02'), finding('opinion-as-fact')] }],
      OPTIONS,
    );
    const rows = page.split('<table class="timeline">')[1].split('</table>')[0];
    expect([...rows.matchAll(/<th scope="row">([^<]+)<\/th><td class="n">(\d+)<\/td>/g)].map((m) => `${m[1]}: ${m[2]}`)).toEqual([
      'January 2026: 2',
      'February 2026: 0',
      'March 2026: 1',
      'No date: 1',
    ]);
    expect(count(section(page, 'chart-time'), /<rect/g)).toBe(3);
    expect(section(page, 'chart-time')).toContain('class="bar bar-undated"');
  });

  it('escapes file names and messages, so nothing in them can become markup', () => {
    const page = renderHtmlReport([{ filePath: `${CWD}/<script>alert(1)</script>.md`, messages: [{ ...finding('opinion-as-fact'), message: '"<b>bold</b>" & \'x\'' }] }], OPTIONS);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.md');
    expect(page).toContain('&quot;&lt;b&gt;bold&lt;/b&gt;&quot; &amp; &#39;x&#39;');
  });

  it('lists each finding with its line, level, check and message, by file', () => {
    expect(html).toContain('<h2 id="each-finding-heading">Each finding</h2>');
    expect(html).toContain('<h3 id="file-1">visits/2024-03-12 home visit.md</h3>');
    expect(html).toContain('<tr><td class="n">4</td><td><span class="sev sev-error">Error</span></td><td><a href="#check-opinion-as-fact">Opinion as fact</a></td><td>States an opinion as fact: &quot;filthy&quot;.</td></tr>');
    expect(html).toContain('Files with nothing to review (1)');
  });

  it('lists files that could not be checked, with the reason', () => {
    expect(html).toContain('<h2 id="not-checked">Files that could not be checked</h2>');
    expect(html).toContain('<li id="file-3"><strong>visits/referral.docx.md</strong>: This is not a text file.</li>');
  });

  it('says when it is redacted and leaves out the timeline, whose dates come from the notes', () => {
    const page = renderHtmlReport([{ filePath: `${CWD}/a.md`, messages: [finding('opinion-as-fact', '2026-01-05')] }], { ...OPTIONS, redacted: true });
    expect(page).toContain('This report is redacted');
    expect(page).not.toContain('id="chart-time"');
    expect(page).not.toContain('January 2026');
  });

  it('says plainly when there is nothing to review', () => {
    const page = renderHtmlReport([{ filePath: `${CWD}/a.md`, messages: [] }], OPTIONS);
    expect(page).toContain('Caselint checked 1 case note and found nothing to review.');
    expect(page).toContain('<p>No check found anything.</p>');
    expect(page).toContain('<p>There are no findings to show over time.</p>');
  });
});
