import type { ConcernId } from './concerns.ts';
import type { CompiledPack } from './compile.ts';
import type { ResponseCode, Severity } from './schema.ts';

export interface ResolvedSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Step, paragraph or section. */
  locator?: string;
}

export interface PromptCard {
  id: string;
  summary: string;
  detail: string;
  cy?: { summary?: string; detail?: string };
  sources: ResolvedSource[];
  links: { title: string; url: string }[];
  contactCategories: string[];
  responses: ResponseCode[];
  /** "coming": a duty enacted but not yet commenced. */
  status?: 'in-force' | 'coming';
}

export interface RuleHit {
  ruleId: string;
  concern: ConcernId;
  severity: Severity;
  cards: PromptCard[];
}

export interface Evaluation {
  /** Sorted, unique. */
  concerns: ConcernId[];
  /** Critical first, then warning, then info; stable within a severity. */
  hits: RuleHit[];
}

export function evaluateNote(compiled: CompiledPack, text: string): Evaluation {
  void compiled;
  void text;
  return { concerns: [], hits: [] };
}

export function createNoteEvaluator(compiled: CompiledPack): { evaluate(text: string): Evaluation } {
  return { evaluate: (text: string) => evaluateNote(compiled, text) };
}
