import type { z } from '../validation/zod.ts';

/**
 * Parses an incoming message against a protocol union. A malformed message is refused with a
 * console warning naming the problem (never the message's content, which could hold anything)
 * and `undefined` is returned so the caller changes nothing.
 */
export function parseMessage<S extends z.ZodMiniType>(schema: S, raw: unknown, from: string): z.infer<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  console.warn(`Share to Protect: refused a malformed message from ${from}: ${problems.join('; ')}`);
  return undefined;
}
