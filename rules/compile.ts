import type { Jurisdiction, RulePack } from './schema.ts';

export interface CompileOptions {
  jurisdiction?: Jurisdiction;
  disabledRules?: readonly string[];
}

export interface CompiledPack {
  readonly packId: string;
  readonly packVersion: string;
}

export function compilePack(pack: RulePack, options: CompileOptions = {}): CompiledPack {
  void options;
  return { packId: pack.id, packVersion: pack.version };
}
