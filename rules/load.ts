import type { RulePack } from './schema.ts';
import { RulePack as RulePackSchema } from './schema.ts';

export type PackProblem = { path: string; message: string };

export function parseRulePack(input: unknown): { ok: true; pack: RulePack } | { ok: false; problems: PackProblem[] } {
  // Stub: full checks land in the next commit.
  const value = typeof input === 'string' ? safeJson(input) : input;
  const parsed = RulePackSchema.safeParse(value);
  if (parsed.success) return { ok: true, pack: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
