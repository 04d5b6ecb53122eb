import type { RelayedPrompt } from '../messaging/protocol.ts';
import { internalsOf, type CompiledPack } from '../rules/compile.ts';
import type { RuleHit } from '../rules/evaluate.ts';

const cache = new WeakMap<CompiledPack, ReadonlyMap<string, RuleHit>>();

/** Every rule and combination of the pack as the hit it raises, looked up by id. */
function hitsById(compiled: CompiledPack): ReadonlyMap<string, RuleHit> {
  let byId = cache.get(compiled);
  if (!byId) {
    const pack = internalsOf(compiled);
    byId = new Map(
      [...pack.rules, ...pack.combinations].map((rule): [string, RuleHit] => [
        rule.id,
        // Cards are frozen and shared, as the evaluator shares them.
        { ruleId: rule.id, concern: rule.concern, severity: rule.severity, cards: rule.cards as RuleHit['cards'] },
      ]),
    );
    cache.set(compiled, byId);
  }
  return byId;
}

/**
 * A child frame's prompts, rebuilt in the top frame from its own compiled pack: only rule ids
 * cross frames, so the cards shown are always the pack's own text. An id this pack does not know
 * (a frame still on an older pack for a moment, or a forged id) shows nothing.
 */
export function hitsForRelayedPrompts(compiled: CompiledPack, prompts: readonly RelayedPrompt[]): RuleHit[] {
  const byId = hitsById(compiled);
  return prompts.flatMap((prompt) => {
    const hit = byId.get(prompt.ruleId);
    return hit ? [hit] : [];
  });
}
