/**
 * The audit report as a person sees it: rendered for the development corpus by the real command,
 * opened in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), and
 * checked for what is on the screen: one bar per check and per file with findings, the table
 * rows, sorting by a header, focus that can be seen, text contrast, the printed layout, and a
 * page that still works with scripts off. A screenshot is kept in test-results/report.png.
 *
 * Chromium is installed by scripts/e2e-setup.sh (CI runs it before `npm test`); without it these
 * tests are skipped with a message saying so (and fail in CI, where it must be there). The page loads nothing but itself: every request
 * Chromium makes is recorded, and anything other than the report's own file fails the test.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import type { Stats } from '../stats';

/* eslint-disable @typescript-eslint/no-explicit-any */
// The functions passed to page.evaluate run in the page, where these are the browser's globals.
// They are declared here, in this module only, so the project's type-check does not take in the
// whole DOM library (which would hide a stray `document` in server code).
declare const document: any;
declare const getComputedStyle: (element: any) => any;
declare const Node: { TEXT_NODE: number };

const CHROMIUM = process.env.CASELINT_CHROMIUM || '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../../../..');
const CORPUS = join(ROOT, 'test-fixtures/corpus');
const SCREENSHOT = join(ROOT, 'test-results/report.png');
const hasChromium = existsSync(CHROMIUM);

async function caselint(...argv: string[]): Promise<string> {
  let stdout = '';
  await run(argv, {
    cwd: CORPUS,
    env: {},
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: () => true },
    now: () => new Date(2026, 3, 1, 12),
  });
  return stdout;
}

if (!hasChromium) {
  describe('the audit report in a browser', () => {
    const reason = `needs Chromium at ${CHROMIUM}, which is missing: run "bash scripts/e2e-setup.sh" to install it`;
    // On a developer's machine the test is skipped with the reason; CI installs Chromium first
    // (.ci/run), so there a missing browser is a broken set-up and must not pass unnoticed.
    if (process.env.CI) it(reason, () => expect.fail(`Chromium is missing in CI: ${reason}`));
    else {
      console.warn(`Skipping the audit report browser tests: ${reason}.`);
      it.skip(reason, () => undefined);
    }
  });
} else {
  describe('the audit report in a browser', () => {
    let browser: Browser;
    let page: Page;
    let stats: Stats;
    let reportUrl: string;
    let scratch: string;
    const requests: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'caselint-report-'));
      stats = JSON.parse(await caselint('--stats', '.')) as Stats;
      const reportPath = join(scratch, 'report.html');
      await caselint('--format', 'html', '--output-file', reportPath, '.');
      reportUrl = pathToFileURL(reportPath).href;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        // Chromium's crash reporter writes under XDG_CONFIG_HOME even with a throwaway profile.
        env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_CACHE_HOME: join(scratch, 'xdg-cache') },
      });
      page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(reportUrl);
    });

    afterAll(async () => {
      await browser?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('loads nothing but itself and runs its script without a policy error', () => {
      expect(requests).toEqual([reportUrl]);
      expect(problems).toEqual([]);
    });

    it('keeps headings in order, starting with "Case-file audit"', async () => {
      const headings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) => els.map((el) => ({ level: Number(el.tagName[1]), text: el.textContent ?? '' })));
      expect(headings[0]).toEqual({ level: 1, text: 'Case-file audit' });
      expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
      headings.slice(1).forEach((h, i) => expect(h.level, h.text).toBeLessThanOrEqual(headings[i].level + 1));
      expect(headings.map((h) => h.text)).toEqual(expect.arrayContaining(['What the checks found', 'Findings by check', 'Findings by case file', 'Findings over time', 'Each finding']));
    });

    it('draws one bar for each check that found something', async () => {
      const withFindings = Object.values(stats.rules).filter((r) => r.findings > 0).length;
      expect(withFindings).toBeGreaterThan(2);
      await expect(page.locator('#chart-rules rect').count()).resolves.toBe(withFindings);
    });

    it('draws the ten files with most findings and lists the rest under the chart', async () => {
      const withFindings = stats.totals.filesWithFindings;
      expect(withFindings).toBeGreaterThan(10);
      await expect(page.locator('#chart-files rect').count()).resolves.toBe(10);
      await expect(page.locator('#more-files li').count()).resolves.toBe(withFindings - 10);
    });

    it('draws the timeline from the dated entries, with a bar for findings that have no date', async () => {
      const rows = await page.locator('table.timeline tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')?.textContent?.replace(/,/g, ''))));
      expect(rows.length).toBeGreaterThan(1);
      await expect(page.locator('#chart-time rect').count()).resolves.toBe(rows.filter((n) => n > 0).length);
      expect(rows.reduce((a, b) => a + b, 0)).toBe(stats.totals.findings);
      await expect(page.locator('table.timeline tbody tr').last().locator('th').textContent()).resolves.toBe('No date');
    });

    it('gives every chart a name, a description and a table or list beside it', async () => {
      const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
        svgs.map((svg) => ({
          role: svg.getAttribute('role'),
          named: (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id: string): string => document.getElementById(id)?.textContent ?? ''),
          beside: Boolean(svg.closest('figure')?.nextElementSibling?.matches('table, ul, p')),
        })),
      );
      expect(charts).toHaveLength(3);
      for (const chart of charts) {
        expect(chart.role).toBe('img');
        expect(chart.named.every((text: string) => text.length > 10)).toBe(true);
        expect(chart.beside).toBe(true);
      }
    });

    it('lists every file in the table, most findings first', async () => {
      const counts = await findingsColumn(page);
      expect(counts).toHaveLength(stats.totals.files);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      await expect(page.locator('#files-table th[aria-sort]').getAttribute('aria-sort')).resolves.toBe('descending');
      await expect(page.locator('#files-table thead button').count()).resolves.toBe(5);
    });

    it('sorts the table by a column when its header is clicked, and says so', async () => {
      const before = await fileColumn(page);
      await page.getByRole('button', { name: 'File' }).click();
      const byName = await fileColumn(page);
      expect(byName).not.toEqual(before);
      expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true })));
      await expect(page.locator('#files-table th[aria-sort]').textContent()).resolves.toBe('File');
      await expect(page.locator('#sort-status').textContent()).resolves.toBe('Files sorted by file, A to Z.');
      await page.getByRole('button', { name: 'File' }).click();
      expect(await fileColumn(page)).toEqual([...byName].reverse());
      await page.getByRole('button', { name: 'Findings' }).click();
      const counts = await findingsColumn(page);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('shows where the keyboard focus is', async () => {
      const button = page.getByRole('button', { name: 'Warnings' });
      await button.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const outline = await button.evaluate((el) => {
        const style = getComputedStyle(el);
        return { matches: el.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(outline).toEqual({ matches: true, style: 'solid', width: 3 });
    });

    it('gives all text a contrast of at least 4.5:1 with its background', async () => {
      const failures = await page.evaluate(contrastFailures);
      expect(failures).toEqual([]);
    });

    it('prints without buttons, with charts inside the page width', async () => {
      await page.emulateMedia({ media: 'print' });
      try {
        const look = await page.evaluate(() => {
          const style = getComputedStyle(document.querySelector('#files-table button'));
          const width: number = document.querySelector('.page').getBoundingClientRect().width;
          return {
            buttonBorder: style.borderTopStyle as string,
            buttonBackground: style.backgroundColor as string,
            hints: [...document.querySelectorAll('.screen-only')].map((el: unknown) => getComputedStyle(el).display as string),
            chartsFit: [...document.querySelectorAll('svg.chart')].every((svg: any) => svg.getBoundingClientRect().width <= width + 1),
            detailsBreak: getComputedStyle(document.getElementById('each-finding')).breakBefore as string,
          };
        });
        expect(look).toEqual({ buttonBorder: 'none', buttonBackground: 'rgba(0, 0, 0, 0)', hints: ['none'], chartsFit: true, detailsBreak: 'page' });
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });

    it('works with scripts turned off: the full table, already sorted, with no dead buttons', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const plain = await context.newPage();
        await plain.goto(reportUrl);
        await expect(plain.locator('#files-table button').count()).resolves.toBe(0);
        const counts = await findingsColumn(plain);
        expect(counts).toHaveLength(stats.totals.files);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      } finally {
        await context.close();
      }
    });

    it('keeps a screenshot of the report as a test artefact', async () => {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.goto(reportUrl);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
    });
  });
}

function fileColumn(page: Page): Promise<string[]> {
  return page.locator('#files-table tbody th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-value') ?? ''));
}

function findingsColumn(page: Page): Promise<number[]> {
  return page.locator('#files-table tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[3].getAttribute('data-value'))));
}

/**
 * Runs in the page: every element with its own text, its colour against the first opaque
 * background behind it (WCAG relative luminance); SVG text uses its fill on the white page.
 */
function contrastFailures(): string[] {
  const parse = (value: string): number[] | null => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(value);
    if (!m) return null;
    if (m[4] !== undefined && Number(m[4]) === 0) return null;
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a: number[], b: number[]) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (el: any): number[] => {
    for (let node = el; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour) return colour;
    }
    return [255, 255, 255];
  };
  const failures: string[] = [];
  for (const el of document.querySelectorAll('body *') as any[]) {
    const ownText = [...el.childNodes].some((n: any) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText || el.closest('.visually-hidden, .skip, title, desc, script, style')) continue;
    const style = getComputedStyle(el);
    const inSvg = el.namespaceURI === 'http://www.w3.org/2000/svg';
    const fg = parse(inSvg ? style.fill : style.color);
    if (!fg) continue;
    const r = ratio(fg, background(inSvg ? el.closest('svg').parentElement : el));
    if (r < 4.5) failures.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${el.textContent.trim().slice(0, 30)}": ${r.toFixed(2)}:1`);
  }
  return failures;
}
