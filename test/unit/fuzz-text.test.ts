/**
 * Fuzzing the text extractor and the evaluator it feeds (issue #8.3). The extractor reads
 * whatever DOM a case system (or a hostile page) builds, so it is fed random trees: block and
 * inline elements, <br>, script and style, SVG, comments, any Unicode, and nesting far deeper than
 * any editor makes. It must never throw, must keep every visible character in order, and must stop
 * at its size limit. The evaluator is then fed random text and random typing sequences.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { maxNoteChars, readFieldText } from '../../detect/read-text.ts';
import { bundledPackPath } from '../../rules/bundled.ts';
import { compilePack } from '../../rules/compile.ts';
import { createNoteEvaluator } from '../../rules/evaluate.ts';
import { parseRulePack } from '../../rules/load.ts';
import { FuzzTally } from './fuzz-support.ts';

const html = 'http://www.w3.org/1999/xhtml';
const svg = 'http://www.w3.org/2000/svg';

/** Just enough of a DOM node for the extractor, which walks by node type, tag and sibling links. */
interface FakeNode {
  nodeType: number;
  nodeValue: string | null;
  tagName?: string;
  localName?: string;
  namespaceURI?: string;
  isContentEditable?: boolean;
  value?: string;
  firstChild: FakeNode | null;
  nextSibling: FakeNode | null;
}

type Tree = { text: string } | { comment: string } | { tag: string; ns: 'html' | 'svg'; children: Tree[] };

function build(tree: Tree): FakeNode {
  if ('text' in tree) return { nodeType: 3, nodeValue: tree.text, firstChild: null, nextSibling: null };
  if ('comment' in tree) return { nodeType: 8, nodeValue: tree.comment, firstChild: null, nextSibling: null };
  const children = tree.children.map(build);
  children.forEach((child, index) => (child.nextSibling = children[index + 1] ?? null));
  const isHtml = tree.ns === 'html';
  return {
    nodeType: 1,
    nodeValue: null,
    tagName: isHtml ? tree.tag.toUpperCase() : tree.tag,
    localName: tree.tag.toLowerCase(),
    namespaceURI: isHtml ? html : svg,
    // SVG elements have no isContentEditable: the extractor uses that to tell them apart.
    ...(isHtml ? { isContentEditable: true } : {}),
    firstChild: children[0] ?? null,
    nextSibling: null,
  };
}

/** What a worker sees: text outside script, style and non-HTML elements, in order. */
function visibleText(tree: Tree): string {
  if ('text' in tree) return tree.text;
  if ('comment' in tree) return '';
  // A <br> given children by script renders none of them.
  if (tree.ns !== 'html' || /^(script|style|br)$/i.test(tree.tag)) return '';
  return tree.children.map(visibleText).join('');
}

const tags = fc.constantFrom('p', 'div', 'li', 'ul', 'h2', 'blockquote', 'pre', 'tr', 'table', 'span', 'b', 'em', 'a', 'br', 'script', 'style', 'font', 'o:p');
const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\u0000', '\ud800', '\u202e', '\r\n', 'her dad hit her'));
const trees = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText.map((text): Tree => ({ text })),
    fc.string({ maxLength: 10 }).map((comment): Tree => ({ comment })),
    fc.record({ tag: tags, ns: fc.constantFrom<'html' | 'svg'>('html', 'html', 'html', 'svg'), children: fc.array(tie('tree'), { maxLength: 5 }) }).map(
      (element): Tree => element,
    ),
  ),
})).tree;

const field = (children: Tree[]): FakeNode => build({ tag: 'div', ns: 'html', children });
const read = (node: FakeNode) => readFieldText(node as unknown as HTMLElement);

describe('text extractor under fuzzing', () => {
  const tally = new FuzzTally('text extractor');
  afterAll(() => {
    tally.print();
    expect(tally.accountedFor).toBe(true);
  });

  it('keeps every visible character of any tree, in order, and nothing hidden', () => {
    fc.assert(
      fc.property(fc.array(trees, { maxLength: 6 }), (children) => {
        const text = tally.run(
          () => read(field(children)),
          () => 'accepted',
        );
        // Line breaks are added at blocks and <br>; everything else is exactly the visible text.
        const expected = children.map(visibleText).join('');
        expect(text.replace(/\n/g, '')).toBe(expected.replace(/\n/g, ''));
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);

  it('stops at its limit on huge notes, in a textarea or a rich editor', () => {
    const huge = 'x'.repeat(maxNoteChars + 12_345);
    const textarea = { ...field([]), tagName: 'TEXTAREA', localName: 'textarea', value: huge };
    expect(tally.run(() => read(textarea), () => 'accepted').length).toBe(maxNoteChars);
    const paragraphs = Array.from({ length: 2_000 }, (): Tree => ({ tag: 'p', ns: 'html', children: [{ text: 'y'.repeat(1_000) }] }));
    expect(tally.run(() => read(field(paragraphs)), () => 'accepted').length).toBeLessThanOrEqual(maxNoteChars);
  });

  /** Depth-first reads recurse once per level; returns what happened instead of throwing. */
  const readAtDepth = (depth: number): string => {
    // Built bottom-up in a loop: the test's own recursion must not be what overflows.
    let node = build({ text: 'deep' });
    for (let level = 0; level < depth; level++) {
      const parent = build({ tag: level % 2 ? 'span' : 'div', ns: 'html', children: [] });
      parent.firstChild = node;
      node = parent;
    }
    const root = field([]);
    root.firstChild = node;
    return tally.run(
      () => {
        try {
          return `depth ${depth}: ${read(root).replace(/\n/g, '')}`;
        } catch (error) {
          return `depth ${depth}: ${error instanceof Error ? error.message : String(error)}`;
        }
      },
      () => 'accepted',
    );
  };

  it('reads nesting deeper than any editor makes (1,000 levels)', () => {
    expect(readAtDepth(1_000)).toBe('depth 1000: deep');
  });

  // A page can nest deeper than the call stack allows: the reader walks with its own stack.
  it('reads hostile nesting (5,000 and 50,000 levels) without blowing the stack', () => {
    expect([readAtDepth(5_000), readAtDepth(50_000)]).toEqual(['depth 5000: deep', 'depth 50000: deep']);
  });
});

describe('evaluator under fuzzed text', () => {
  const tally = new FuzzTally('note evaluator');
  const parsed = parseRulePack(readFileSync(bundledPackPath, 'utf8'));
  if (!parsed.ok) throw new Error('the bundled pack does not parse');
  const compiled = compilePack(parsed.pack);
  const ruleIds = new Set([...parsed.pack.rules, ...(parsed.pack.combinations ?? [])].map((rule) => rule.id));
  afterAll(() => {
    tally.print();
    expect(tally.accountedFor).toBe(true);
  });

  const words = fc.constantFrom('she', 'told', 'me', 'dad', 'hit', 'her', 'not', 'no', 'belt', 'said', 'mum', 'refused', 'consent', '.', ',', '!', '\n', 'FGM', 'cut', "didn't", 'never', '"', '(', ')');
  const notes = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(words, { maxLength: 80 }).map((w) => w.join(' ')));

  it('evaluates any text, raising only rules of the pack', () => {
    fc.assert(
      fc.property(notes, (text) => {
        const evaluation = tally.run(
          () => createNoteEvaluator(compiled).evaluate(text),
          () => 'accepted',
        );
        for (const hit of evaluation.hits) expect(ruleIds, hit.ruleId).toContain(hit.ruleId);
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('follows any typing sequence (inserts, deletes, pastes) on one evaluator without error', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), notes), { maxLength: 15 }), (edits) => {
        const evaluator = createNoteEvaluator(compiled);
        let text = '';
        for (const [at, remove, insert] of edits) {
          const position = text.length === 0 ? 0 : at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          tally.run(
            () => evaluator.evaluate(text),
            () => 'accepted',
          );
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
