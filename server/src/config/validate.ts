/**
 * Checks a parsed `.caselintrc.json` in two steps: the JSON schema (shared with VS Code, which
 * uses it to underline mistakes as the file is typed) for shape and types, then the rule
 * registry for rule ids and word-list names, which the static schema cannot know. Each step
 * stops at the first problem and describes it in one plain sentence naming the key path.
 */
import Ajv, { type ErrorObject } from 'ajv';
import schema from './caselintrc.schema.json';
import { ruleById, ruleList } from '../rules';
import { hint } from './suggest';
import type { CaselintConfig } from './types';

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const SETTINGS = Object.keys(schema.properties).filter((key) => key !== '$schema');

// Compiled on first use. The schema is fixed and checked against JSON Schema's own definition by
// a test, so it is not checked again here: that check costs about 60 ms on every start.
let compiled: ReturnType<Ajv['compile']> | undefined;
function schemaCheck(data: unknown): ErrorObject | undefined {
  compiled ??= new Ajv({ allErrors: false, allowUnionTypes: true, validateSchema: false }).compile(schema);
  return compiled(data) ? undefined : compiled.errors?.[0];
}

/** Returns the problem with `data` in words (without the file name), or null when it is usable. */
export function describeProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return 'the file must hold one JSON object, such as { "rules": { "opinion-as-fact": "error" } }';
  }
  const error = schemaCheck(data);
  if (error) return describeSchemaError(error, data);
  return describeUnknownNames(data as CaselintConfig);
}

function describeSchemaError(error: ErrorObject, data: unknown): string {
  const segments = pointerSegments(error.instancePath);
  const path = keyPath(segments, data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      // Only the top level and `rules`/`lexicons` maps exist; unknown keys occur at the top.
      return `"${key}" is not a Caselint setting ${hint(key, SETTINGS, 'the settings are')}`;
    }
    case 'enum':
      return `"${path}" must be one of ${SEVERITIES.join(', ')}`;
    case 'type':
      return `"${path}" must be ${typeInWords(String((error.params as { type: string }).type))}`;
    case 'minLength':
      return `"${path}" must not be empty`;
    default:
      return `"${path}" ${error.message ?? 'is not valid'}`;
  }
}

function describeUnknownNames(config: CaselintConfig): string | null {
  const ids = ruleList.map((rule) => rule.id);
  for (const id of Object.keys(config.rules ?? {})) {
    if (!ruleById(id)) return `"rules.${id}" is not a Caselint rule ${hint(id, ids, 'the rules are')}`;
  }
  for (const [id, lists] of Object.entries(config.lexicons ?? {})) {
    const rule = ruleById(id);
    if (!rule) return `"lexicons.${id}" is not a Caselint rule ${hint(id, ids, 'the rules are')}`;
    const names = Object.keys(rule.lexicon);
    for (const name of Object.keys(lists)) {
      if (names.includes(name)) continue;
      if (names.length === 0) return `"lexicons.${id}.${name}": the rule ${id} has no word lists to extend`;
      return `"lexicons.${id}.${name}" is not a word list of ${id} ${hint(name, names, 'its lists are')}`;
    }
  }
  for (const [id, settings] of Object.entries(config.options ?? {})) {
    const rule = ruleById(id);
    if (!rule) return `"options.${id}" is not a Caselint rule ${hint(id, ids, 'the rules are')}`;
    const names = Object.keys(rule.options ?? {});
    for (const [name, value] of Object.entries(settings)) {
      const option = rule.options?.[name];
      if (!option) {
        if (names.length === 0) return `"options.${id}.${name}": the rule ${id} has no settings`;
        return `"options.${id}.${name}" is not a setting of ${id} ${hint(name, names, 'its settings are')}`;
      }
      const want = typeof option.default;
      if (typeof value !== want) return `"options.${id}.${name}" must be ${typeInWords(want)}`;
    }
  }
  return null;
}

function typeInWords(type: string): string {
  switch (type) {
    case 'object':
      return 'an object in braces { }';
    case 'array':
      return 'a list in square brackets [ ]';
    case 'string':
      return 'text in double quotes';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number, such as 5';
    default:
      return `of type ${type}`;
  }
}

/** Splits a JSON pointer ("/lexicons/opinion-as-fact/labels/2") into its keys. */
function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** "lexicons.opinion-as-fact.labels[2]": the dotted form users see in their editor. */
function keyPath(segments: string[], data: unknown): string {
  let path = '';
  let node: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(node)) path += `[${segment}]`;
    else path += path ? `.${segment}` : segment;
    node = (node as Record<string, unknown> | undefined)?.[segment];
  }
  return path;
}
