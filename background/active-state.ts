import defaultPack from '../rules/packs/uk-default.json';
import { parseRulePack } from '../rules/load.ts';
import type { ActiveState, PackInfo } from '../messaging/protocol.ts';
import { defaultSettings, SettingsSchema, type Settings } from '../policy/settings.ts';

/**
 * The pack and settings in force, owned by the background. The bundled pack is the floor: it is
 * checked at start-up like any other pack, and a build whose own pack fails its checks must not
 * ship, so that failure throws.
 */
export function bundledState(): ActiveState {
  const parsed = parseRulePack(defaultPack);
  if (!parsed.ok) {
    const list = parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new Error(`The bundled rule pack is invalid (${list}); run \`npm run rules -- check\`.`);
  }
  const packInfo: PackInfo = {
    id: parsed.pack.id,
    version: parsed.pack.version,
    effectiveDate: parsed.pack.effectiveDate,
    source: 'bundled',
  };
  return { pack: parsed.pack, packInfo, settings: SettingsSchema.parse(defaultSettings) };
}

type Listener = (state: ActiveState) => void;

/** Holds the state in force and tells listeners (open tabs, the options page) when it changes. */
export class ActiveStateHolder {
  #state: ActiveState;
  readonly #listeners = new Set<Listener>();
  #markSettled: () => void = () => {};
  readonly #settled = new Promise<void>((resolve) => {
    this.#markSettled = resolve;
  });

  constructor(initial: ActiveState) {
    this.#state = initial;
  }

  /**
   * Resolves once the policy has been read at start-up (or after `timeoutMs`, so a browser that
   * never answers cannot hold tabs back). A tab asking for the state before then would otherwise
   * get the bundled pack and could prompt on a rule the administrator switched off.
   */
  settled(timeoutMs = 3000): Promise<void> {
    return Promise.race([this.#settled, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  }

  markSettled(): void {
    this.#markSettled();
  }

  get current(): ActiveState {
    return this.#state;
  }

  replace(next: ActiveState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }

  updateSettings(settings: Settings): void {
    this.replace({ ...this.#state, settings });
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
