/**
 * Canonical JSON for rule packs: 2-space indent, a trailing newline, and keys in a fixed order
 * (the order below, then the rest alphabetically) so that a diff of a pack shows only real changes.
 * A word model's weights are the exception: each concern's are written on one line. They are
 * learned, never edited by hand, and tens of thousands of indented lines would add a third to the
 * pack's size, which counts against the limit an administrator's pack must fit.
 */

const KEY_ORDER = [
  'id', 'name', 'version', 'effectiveDate', 'jurisdictions', 'description',
  'concern', 'severity', 'category', 'direction', 'scope', 'acrossClauses', 'all',
  'title', 'publisher', 'date', 'url', 'nationalNumber',
  'summary', 'detail', 'cy', 'status', 'source', 'locator',
  'phrases', 'pattern', 'requires', 'unless', 'ignoreContext', 'requiresConcerns', 'concerns',
  'triggers', 'cards', 'sources', 'links', 'contactCategories', 'responses', 'examples', 'match', 'noMatch',
  'lexicons', 'normalisation', 'words', 'context', 'rules', 'combinations',
  'model', 'kind', 'negation', 'negationReach', 'addAbove', 'dropAgainst', 'neverDrop', 'neverDropBelow', 'keepFor', 'phraseRules', 'rule', 'bias', 'phrase', 'weights',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

/** Records whose keys are data (lexicon names, words) keep alphabetical order. */
const DATA_RECORDS = new Set(['lexicons', 'words', 'weights']);

function order(value: unknown, dataRecord: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => order(item, false));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  entries.sort(([a], [b]) => {
    if (!dataRecord) {
      const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
      const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
      if (ra !== rb) return ra - rb;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(entries.map(([key, inner]) => [key, order(inner, DATA_RECORDS.has(key))]));
}

export function canonicalJson(value: unknown): string {
  return `${print(order(value, false), '', false)}\n`;
}

/** As JSON.stringify(value, null, 2), except that a `weights` record is written on one line. */
function print(value: unknown, indent: string, oneLine: boolean): string {
  if (oneLine || value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${print(item, inner, false)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${print(item, inner, key === 'weights')}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
