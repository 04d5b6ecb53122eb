import type { CompiledContextGroup } from './compiled.ts';
import type { CancellingCategory } from './schema.ts';

/**
 * ConText-style modifiers (Harkema et al., 2009). A modifier reaches forward, backward or both
 * ways for `scope` words, and stops at a terminator ("but", "however") or a clause break.
 * Pseudo-triggers ("no longer", "no food") remove any modifier they overlap: they look like
 * negations but are not. A modifier overlapping the trigger itself is ignored, because a trigger
 * phrase may contain its own "not" ("agreed not to refer", "cannot go home").
 */

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface ContextMatch extends Span {
  readonly group: CompiledContextGroup;
}

export interface SentenceContext {
  readonly modifiers: readonly ContextMatch[];
  /** blocked[i]: word i is a terminator or a clause break sits before it. */
  readonly blocked: readonly boolean[];
  /** stopped[i]: word i is a terminator (what still stops a modifier reaching across clauses). */
  readonly stopped: readonly boolean[];
}

export function buildSentenceContext(matches: readonly ContextMatch[], breakBefore: readonly boolean[]): SentenceContext {
  const pseudo = matches.filter((m) => m.group.category === 'pseudo');
  const live = pseudo.length === 0 ? matches : matches.filter((m) => m.group.category === 'pseudo' || !pseudo.some((p) => overlaps(p, m)));
  const blocked = [...breakBefore];
  // Only groups reaching across clauses read `stopped`; most sentences have none, so it is built
  // only when one is present (the common case shares `blocked`, which is never read for it).
  const across = live.some((m) => m.group.acrossClauses && m.group.category !== 'pseudo' && m.group.category !== 'terminator');
  const stopped = across ? breakBefore.map(() => false) : blocked;
  const modifiers: ContextMatch[] = [];
  for (const m of live) {
    if (m.group.category === 'terminator') {
      for (let i = m.start; i < m.end; i++) {
        blocked[i] = true;
        stopped[i] = true;
      }
    } else if (m.group.category !== 'pseudo') {
      modifiers.push(m);
    }
  }
  return { modifiers, blocked, stopped };
}

export function isCancelled(target: Span, context: SentenceContext, ignore: ReadonlySet<CancellingCategory>): boolean {
  for (const m of context.modifiers) {
    const category = m.group.category as CancellingCategory;
    if (ignore.has(category) || overlaps(m, target)) continue;
    const { direction, scope } = m.group;
    const walls = m.group.acrossClauses ? context.stopped : context.blocked;
    if (direction !== 'backward' && m.end <= target.start && target.start - m.end <= scope && clear(walls, m.end, target.start + 1)) {
      return true;
    }
    if (direction !== 'forward' && m.start >= target.end && m.start - target.end <= scope && clear(walls, target.end, m.start + 1)) {
      return true;
    }
  }
  return false;
}

/**
 * True when no terminator word or clause break lies between two spans: `from` is the end of the
 * first span and `to` is one past the start of the second, because blocked[k] also covers the break
 * just before word k.
 */
function clear(blocked: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (blocked[i] === true) return false;
  return true;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
