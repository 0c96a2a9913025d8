/**
 * The report's stylesheet, inlined into the page. System fonts only (nothing is downloaded).
 * Colours were chosen for contrast on white: body text 16.6:1, secondary text 8.6:1, links and
 * bars 8.6:1, and each severity label at least 7:1; the browser test measures the rendered page
 * against 4.5:1. Focus is a thick outline that never depends on colour alone. On paper the sort
 * buttons become plain headings, charts shrink to the page width, and blocks are kept whole.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1b1b1b; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.page { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 2rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid #1b1b1b; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; overflow-wrap: anywhere; }
p, ul, dl { max-width: 46rem; }
a { color: #1d4e89; text-decoration-thickness: 1px; text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 3px; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 6px #ffdd00; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin: 0.5rem 0; padding: 0.25rem 0.5rem; background: #ffdd00; color: #1b1b1b; }
.meta, .note, caption, figcaption { color: #4a4a4a; }
.note { border-left: 4px solid #1d4e89; padding: 0.25rem 0 0.25rem 0.75rem; }
.figures { display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; list-style: none; max-width: none; }
.figures li { border: 1px solid #6b6b6b; padding: 0.5rem 0.75rem; min-width: 9rem; }
.figures strong { display: block; font-size: 1.6rem; line-height: 1.2; }
figure { margin: 1rem 0; }
figcaption { margin-bottom: 0.25rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg .bar { fill: #1d4e89; }
svg .bar-undated { fill: #5a5a5a; }
svg .axis { stroke: #1b1b1b; stroke-width: 1; }
svg text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1b1b1b; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; }
caption { text-align: left; padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid #8a8a8a; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1b1b1b; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { font-weight: normal; }
#files-table tbody th, table.findings td:last-child { overflow-wrap: anywhere; }
table.rules tbody th { width: 12rem; }
table.rules td:nth-child(2) { width: 50%; }
table.rules code { font-size: 0.8em; white-space: normal; }
table.findings td:nth-child(2) { white-space: nowrap; }
table.findings td:nth-child(3) { width: 11rem; }
code { font: 0.9em ui-monospace, SFMono-Regular, Consolas, monospace; white-space: nowrap; }
header code { white-space: normal; overflow-wrap: anywhere; }
.sev { display: inline-block; padding: 0 0.4rem; border: 1px solid currentColor; font-size: 0.875rem; font-weight: 600; }
.sev-error { background: #a4161a; color: #ffffff; border-color: #a4161a; }
.sev-warning { background: #fff4ce; color: #5c4400; }
.sev-info { background: #e8f0fa; color: #1d4e89; }
button.sort { font: inherit; font-weight: bold; color: #1b1b1b; background: #f3f3f3; border: 1px solid #6b6b6b; padding: 0.15rem 0.5rem; cursor: pointer; }
button.sort:hover { background: #e2e2e2; }
th[aria-sort="ascending"] button.sort::after { content: " \\2191" / ""; }
th[aria-sort="descending"] button.sort::after { content: " \\2193" / ""; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.more { columns: 2 18rem; max-width: none; }
@media print {
  body { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page { max-width: none; padding: 0; }
  .skip, .screen-only { display: none !important; }
  button.sort { border: 0; background: none; padding: 0; font: inherit; font-weight: bold; color: inherit; }
  button.sort::after { content: none !important; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, svg.chart, .figures, tr, table.rules, table.timeline { break-inside: avoid; page-break-inside: avoid; }
  svg.chart { width: 100%; max-height: 24cm; }
  #each-finding { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
}
@page { margin: 15mm; }
`;
