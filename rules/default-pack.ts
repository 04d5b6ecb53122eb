import type { RulePack } from './schema.ts';
import { parseRulePack } from './load.ts';
import packJson from './packs/uk-default.json';

/**
 * The bundled default pack, validated once at start-up. A failure here means the shipped pack is
 * broken, which the test suite should have caught, so it throws with every problem listed.
 */
export function loadDefaultPack(): RulePack {
  const result = parseRulePack(packJson as unknown);
  if (!result.ok) {
    throw new Error(`bundled rule pack is invalid:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  }
  return result.pack;
}
