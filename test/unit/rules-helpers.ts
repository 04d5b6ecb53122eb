import { readFileSync } from 'node:fs';
import { compilePack } from '../../rules/compile.ts';
import type { CompiledPack, CompileOptions } from '../../rules/compile.ts';
import { loadDefaultPack } from '../../rules/default-pack.ts';
import type { ConcernId } from '../../rules/concerns.ts';

export const defaultPack = loadDefaultPack();

export function compileDefault(options?: CompileOptions): CompiledPack {
  return compilePack(defaultPack, options);
}

export interface LabelledNote {
  id: string;
  text: string;
  concerns: ConcernId[];
}

export function readCorpus(url: URL): LabelledNote[] {
  return readFileSync(url, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledNote);
}

export const packFileUrl = new URL('../../rules/packs/uk-default.json', import.meta.url);
