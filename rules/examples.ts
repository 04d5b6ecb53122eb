import { compilePack } from './compile.ts';
import { evaluateNote } from './evaluate.ts';
import type { PackProblem } from './load.ts';
import type { RulePack } from './schema.ts';

/**
 * Runs every example of every rule and combination against the whole pack (a rule's example may
 * depend on other rules, e.g. a disclosure needs a harm), with no jurisdiction filter. Examples
 * test the phrases, so the word model (judged on whole corpora instead) is left out.
 */
export function runExamples(pack: RulePack): PackProblem[] {
  const compiled = compilePack(pack, { model: false });
  const problems: PackProblem[] = [];
  const check = (kind: 'rules' | 'combinations', index: number, id: string, examples: { match: string[]; noMatch: string[] }): void => {
    examples.match.forEach((text, i) => {
      if (!evaluateNote(compiled, text).hits.some((h) => h.ruleId === id)) {
        problems.push({ path: `${kind}[${index}].examples.match[${i}]`, message: `"${id}" did not match this example` });
      }
    });
    examples.noMatch.forEach((text, i) => {
      if (evaluateNote(compiled, text).hits.some((h) => h.ruleId === id)) {
        problems.push({ path: `${kind}[${index}].examples.noMatch[${i}]`, message: `"${id}" matched an example it must not match` });
      }
    });
  };
  pack.rules.forEach((rule, i) => check('rules', i, rule.id, rule.examples));
  pack.combinations.forEach((combination, i) => check('combinations', i, combination.id, combination.examples));
  return problems;
}
