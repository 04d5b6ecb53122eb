/**
 * Canonical JSON for rule packs: 2-space indent, a trailing newline, and keys in a fixed order
 * (the order below, then the rest alphabetically) so that a diff of a pack shows only real changes.
 */

const KEY_ORDER = [
  'id', 'name', 'version', 'effectiveDate', 'jurisdictions', 'description',
  'concern', 'severity', 'category', 'direction', 'scope', 'acrossClauses', 'all',
  'title', 'publisher', 'date', 'url', 'nationalNumber',
  'summary', 'detail', 'cy', 'status', 'source', 'locator',
  'phrases', 'pattern', 'requires', 'unless', 'ignoreContext', 'requiresConcerns', 'concerns',
  'triggers', 'cards', 'sources', 'links', 'contactCategories', 'responses', 'examples', 'match', 'noMatch',
  'lexicons', 'normalisation', 'words', 'context', 'rules', 'combinations',
  'model', 'kind', 'negation', 'negationReach', 'addAbove', 'dropAgainst', 'neverDrop', 'neverDropBelow', 'rule', 'bias', 'phrase', 'weights',
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
  return `${JSON.stringify(order(value, false), null, 2)}\n`;
}
