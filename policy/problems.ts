import type { z } from '../validation/zod.ts';

/** One reason a policy value or pack was refused, with where it is (as the options page lists it). */
export interface PolicyProblem {
  path: string;
  message: string;
}

export function problemsFromZod(prefix: string, error: z.core.$ZodError): PolicyProblem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))].join('').replace(/\.\[/g, '['),
    message: issue.message,
  }));
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
