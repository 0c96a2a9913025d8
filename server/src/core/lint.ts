/**
 * The pure core: `lint(text, options)` analyses one case note and returns its findings.
 * It knows nothing of files, editors or LSP; the CLI and the language server both call it, so
 * they can never disagree. Steps: analyse the note once (document.ts), run each enabled rule,
 * drop findings silenced by inline comments, and convert offsets to ranges (positions.ts).
 */
import { analyse, type CaseNote } from './document';
import { applyDirectives } from './directives';
import { mergeLexicon } from './lexicon';
import type { Finding, LintOptions, Severity, SeveritySetting } from './types';
import { ruleList } from '../rules';
import type { RuleDefinition, RuleOptionValues } from '../rules/rule';

export function severityFor(rule: RuleDefinition, options: LintOptions | undefined): SeveritySetting {
  return options?.rules?.[rule.id] ?? rule.defaultSeverity;
}

const noOptions: RuleOptionValues = Object.freeze({});

/** A rule's settings: its defaults with any configured values laid over them. */
export function optionsFor(rule: RuleDefinition, options: LintOptions | undefined): RuleOptionValues {
  if (!rule.options) return noOptions;
  const values: RuleOptionValues = {};
  for (const [name, option] of Object.entries(rule.options)) values[name] = options?.options?.[rule.id]?.[name] ?? option.default;
  return values;
}

/** Lint a note that has already been analysed (the language server reuses analyses). */
export function lintNote(note: CaseNote, options?: LintOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ruleList) {
    const severity = severityFor(rule, options);
    if (severity === 'off') continue;
    const lexicon = mergeLexicon(rule.lexicon, options?.lexicons?.[rule.id]);
    for (const report of rule.check({ note, lexicon, options: optionsFor(rule, options) })) {
      findings.push({
        ruleId: rule.id,
        severity: severity as Severity,
        message: report.message,
        redactedMessage: report.redactedMessage ?? report.message,
        range: note.lines.rangeOf(report.start, report.end),
        startOffset: report.start,
        endOffset: report.end,
        fixes: (report.fixes ?? []).map((fix) => ({
          title: fix.title,
          isPreferred: fix.isPreferred,
          edits: fix.edits.map((e) => ({ range: note.lines.rangeOf(e.start, e.end), newText: e.newText })),
        })),
      });
    }
  }
  return applyDirectives(note, findings).sort(
    (a, b) => a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId),
  );
}

export function lint(text: string, options?: LintOptions): Finding[] {
  return lintNote(analyse(text), options);
}
