import type { CompiledPack, CompileOptions } from './compile.ts';
import { compilePack } from './compile.ts';
import type { PackProblem } from './load.ts';
import { parseRulePack } from './load.ts';
import type { RulePack } from './schema.ts';

/**
 * Holds the pack in use. A new pack replaces it only if it validates and compiles; otherwise the
 * last good pack stays in force and the caller gets every problem to show to the administrator.
 */
export interface PackHolder {
  readonly current: CompiledPack;
  readonly pack: RulePack;
  update(input: unknown, options?: CompileOptions): { ok: true } | { ok: false; problems: PackProblem[] };
  /** Recompile the current pack with new options (jurisdiction, switched-off rules). */
  configure(options: CompileOptions): void;
}

export function createPackHolder(initial: RulePack, options: CompileOptions = {}): PackHolder {
  let pack = initial;
  let settings = options;
  let current = compilePack(pack, settings);
  return {
    get current() {
      return current;
    },
    get pack() {
      return pack;
    },
    update(input, nextOptions) {
      const parsed = parseRulePack(input);
      if (!parsed.ok) return parsed;
      const nextSettings = nextOptions ?? settings;
      let compiled: CompiledPack;
      try {
        compiled = compilePack(parsed.pack, nextSettings);
      } catch (error) {
        // A validated pack that fails to compile is our bug; report it rather than drop the pack silently.
        return { ok: false, problems: [{ path: '', message: `pack failed to compile: ${error instanceof Error ? error.message : String(error)}` }] };
      }
      pack = parsed.pack;
      settings = nextSettings;
      current = compiled;
      return { ok: true };
    },
    configure(nextOptions) {
      settings = nextOptions;
      current = compilePack(pack, settings);
    },
  };
}
