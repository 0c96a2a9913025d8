/**
 * Inline control comments in a note:
 *   <!-- caselint-disable-next-line RULE [RULE...] -->   silences findings on the next line
 *   <!-- caselint-disable RULE -->  ...  <!-- caselint-enable RULE -->   silences a stretch
 * With no rule named, every rule is silenced. A practitioner can see in the record why a
 * finding was accepted, which a setting hidden elsewhere would not show.
 */
import type { CaseNote } from './document';
import type { Finding } from './types';

interface Silence {
  from: number;
  to: number;
  rules: Set<string> | null;
}

const DIRECTIVE = /^caselint-(disable-next-line|disable-line|disable|enable)\b\s*([\s\S]*)$/;

export function silences(note: CaseNote): Silence[] {
  const out: Silence[] = [];
  const open = new Map<string, number>();
  const ALL = '*';
  for (const comment of note.comments) {
    const m = DIRECTIVE.exec(comment.value);
    if (!m) continue;
    const ruleIds = m[2].split(/[\s,]+/).map((r) => r.trim()).filter((r) => r && r !== '--');
    const rules = ruleIds.length ? new Set(ruleIds) : null;
    const line = note.lines.lineOf(comment.end);
    if (m[1] === 'disable-next-line') {
      const next = line + 1;
      out.push({ from: note.lines.lineStart(next), to: note.lines.lineEnd(next) + 1, rules });
    } else if (m[1] === 'disable-line') {
      const own = note.lines.lineOf(comment.start);
      out.push({ from: note.lines.lineStart(own), to: note.lines.lineEnd(own) + 1, rules });
    } else if (m[1] === 'disable') {
      for (const id of ruleIds.length ? ruleIds : [ALL]) if (!open.has(id)) open.set(id, comment.end);
    } else {
      for (const id of ruleIds.length ? ruleIds : [...open.keys()]) {
        const from = open.get(id);
        if (from === undefined) continue;
        out.push({ from, to: comment.start, rules: id === ALL ? null : new Set([id]) });
        open.delete(id);
      }
    }
  }
  for (const [id, from] of open) out.push({ from, to: Infinity, rules: id === ALL ? null : new Set([id]) });
  return out;
}

export function applyDirectives(note: CaseNote, findings: Finding[]): Finding[] {
  const list = silences(note);
  if (!list.length) return findings;
  return findings.filter(
    (f) => !list.some((s) => f.startOffset >= s.from && f.startOffset < s.to && (!s.rules || s.rules.has(f.ruleId))),
  );
}
