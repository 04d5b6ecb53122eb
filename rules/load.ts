import type { z } from '../validation/zod.ts';
import { createAlternativesCache, parsePhrase } from './phrase.ts';
import { checkPattern } from './safe-pattern.ts';
import type { RulePack } from './schema.ts';
import { isModelFeature } from './model.ts';
import { MAX_MODEL_WEIGHT, RulePack as RulePackSchema } from './schema.ts';

export type PackProblem = { path: string; message: string };

/** A pack is a few hundred kilobytes; anything this large is a mistake or an attack. */
export const MAX_PACK_BYTES = 2 * 1024 * 1024;

/**
 * Validates a rule pack given as JSON text or an already-parsed value. Never throws: every
 * problem found (syntax, shape, references, duplicate ids, phrase syntax, unsafe patterns) is
 * returned with its JSON path, so an administrator can fix a pack in one pass.
 */
export function parseRulePack(input: unknown): { ok: true; pack: RulePack } | { ok: false; problems: PackProblem[] } {
  const value = readInput(input);
  if (!value.ok) return { ok: false, problems: value.problems };
  const problems: PackProblem[] = [];
  const parsed = RulePackSchema.safeParse(value.value);
  if (!parsed.success) problems.push(...parsed.error.issues.map(fromZodIssue));
  problems.push(...crossCheck(value.value));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: dedupe(problems) };
  return { ok: true, pack: parsed.data };
}

function readInput(input: unknown): { ok: true; value: unknown } | { ok: false; problems: PackProblem[] } {
  if (typeof input === 'string') {
    if (input.length > MAX_PACK_BYTES) return tooLarge(input.length);
    try {
      return { ok: true, value: JSON.parse(input) as unknown };
    } catch (error) {
      return { ok: false, problems: [{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  }
  let size: number;
  try {
    size = JSON.stringify(input)?.length ?? 0;
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not JSON data: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (size > MAX_PACK_BYTES) return tooLarge(size);
  return { ok: true, value: input };
}

function tooLarge(size: number): { ok: false; problems: PackProblem[] } {
  return { ok: false, problems: [{ path: '', message: `pack is ${size} characters; the limit is ${MAX_PACK_BYTES}` }] };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function fromZodIssue(issue: z.core.$ZodIssue): PackProblem {
  return { path: formatPath(issue.path), message: issue.message };
}

function dedupe(problems: PackProblem[]): PackProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// The cross-checks walk the raw value, not the Zod output, so that they still report reference
// and pattern problems in a pack whose shape is wrong elsewhere.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function crossCheck(root: unknown): PackProblem[] {
  if (!isObj(root)) return [];
  const problems: PackProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  const sourceIds = collectIds(root.sources, 'sources', 'source', add);
  const contactIds = collectIds(root.contactCategories, 'contactCategories', 'contact category', add);
  const lexicons = isObj(root.lexicons) ? root.lexicons : {};
  const lexicon = (name: string): readonly string[] | undefined => {
    const entries = lexicons[name];
    return Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : undefined;
  };
  for (const [name, entries] of Object.entries(lexicons)) {
    list(entries).forEach((entry, i) => {
      const text = str(entry);
      if (text === undefined) return;
      const parsed = parsePhrase(text, lexicon, false);
      if (!parsed.ok) add(`lexicons${formatPath([name])}[${i}]`, parsed.message);
    });
  }
  // Packs name the same lexicons ("@parent|@carer") in hundreds of phrases: each is parsed once.
  const alternatives = createAlternativesCache();
  const checkPhrases = (value: unknown, path: string): void => {
    list(value).forEach((phrase, i) => {
      const text = str(phrase);
      if (text === undefined) return;
      const parsed = parsePhrase(text, lexicon, true, alternatives);
      if (!parsed.ok) add(`${path}[${i}]`, parsed.message);
    });
  };

  list(root.context).forEach((group, g) => {
    if (isObj(group)) checkPhrases(group.phrases, `context[${g}].phrases`);
  });

  const ruleIds = new Map<string, string>();
  const cardIds = new Map<string, string>();
  const checkId = (seen: Map<string, string>, id: unknown, path: string, kind: string): void => {
    const text = str(id);
    if (text === undefined) return;
    const first = seen.get(text);
    if (first !== undefined) add(path, `duplicate ${kind} id "${text}" (first used at ${first})`);
    else seen.set(text, path);
  };
  const checkCards = (cards: unknown, path: string): void => {
    list(cards).forEach((card, c) => {
      if (!isObj(card)) return;
      const cardPath = `${path}[${c}]`;
      checkId(cardIds, card.id, `${cardPath}.id`, 'card');
      list(card.sources).forEach((ref, s) => {
        const id = isObj(ref) ? str(ref.source) : undefined;
        if (id !== undefined && !sourceIds.has(id)) add(`${cardPath}.sources[${s}].source`, `unknown source "${id}"`);
      });
      list(card.contactCategories).forEach((contact, k) => {
        const id = str(contact);
        if (id !== undefined && !contactIds.has(id)) add(`${cardPath}.contactCategories[${k}]`, `unknown contact category "${id}"`);
      });
    });
  };

  list(root.rules).forEach((rule, r) => {
    if (!isObj(rule)) return;
    const path = `rules[${r}]`;
    checkId(ruleIds, rule.id, `${path}.id`, 'rule');
    list(rule.triggers).forEach((trigger, t) => {
      if (!isObj(trigger)) return;
      const tPath = `${path}.triggers[${t}]`;
      checkPhrases(trigger.phrases, `${tPath}.phrases`);
      checkPhrases(trigger.requires, `${tPath}.requires`);
      checkPhrases(trigger.unless, `${tPath}.unless`);
      const pattern = str(trigger.pattern);
      if (pattern !== undefined) {
        for (const message of checkPattern(pattern).problems) add(`${tPath}.pattern`, message);
      }
    });
    checkCards(rule.cards, `${path}.cards`);
  });
  list(root.combinations).forEach((combination, c) => {
    if (!isObj(combination)) return;
    checkId(ruleIds, combination.id, `combinations[${c}].id`, 'rule');
    checkCards(combination.cards, `combinations[${c}].cards`);
  });
  checkModel(root, add);
  return problems;
}

/** A model concern shows its rule's cards, so the rule must exist and be about that concern. */
function checkModel(root: Obj, add: (path: string, message: string) => void): void {
  const model = root.model;
  if (!isObj(model) || !isObj(model.concerns)) return;
  const concernOf = new Map<string, unknown>();
  for (const rule of list(root.rules)) if (isObj(rule) && str(rule.id) !== undefined) concernOf.set(rule.id as string, rule.concern);
  for (const [concern, entry] of Object.entries(model.concerns)) {
    if (!isObj(entry)) continue;
    const rule = str(entry.rule);
    const rulePath = `${formatPath(['model', 'concerns', concern])}.rule`;
    if (rule !== undefined && !concernOf.has(rule)) add(rulePath, `unknown rule "${rule}"`);
    else if (rule !== undefined && concernOf.get(rule) !== concern) add(rulePath, `rule "${rule}" is about ${String(concernOf.get(rule))}, not ${concern}`);
    // The schema checks only that weights is a record (see Weights in schema.ts); every entry is
    // checked here, and the first few bad ones per concern reported.
    if (!isObj(entry.weights)) continue;
    let reported = 0;
    for (const feature in entry.weights) {
      const weight = entry.weights[feature];
      const featureOk = isModelFeature(feature);
      if (featureOk && typeof weight === 'number' && Number.isFinite(weight) && Math.abs(weight) <= MAX_MODEL_WEIGHT) continue;
      const path = formatPath(['model', 'concerns', concern, 'weights', feature]);
      add(path, featureOk ? `must be a number between -${MAX_MODEL_WEIGHT} and ${MAX_MODEL_WEIGHT}` : 'a feature is "word", "word word", or either after "!"');
      if (++reported >= 5) break;
    }
  }
}

function collectIds(items: unknown, path: string, kind: string, add: (path: string, message: string) => void): Set<string> {
  const ids = new Set<string>();
  list(items).forEach((item, i) => {
    const id = isObj(item) ? str(item.id) : undefined;
    if (id === undefined) return;
    if (ids.has(id)) add(`${path}[${i}].id`, `duplicate ${kind} id "${id}"`);
    ids.add(id);
  });
  return ids;
}
