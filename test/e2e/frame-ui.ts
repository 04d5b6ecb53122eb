import { expect, type CDPSession, type Frame, type Page } from '@playwright/test';

/**
 * The extension's UI inside the cross-origin frame. ExtensionUi speaks to the page's own
 * renderer, which cannot see into an out-of-process frame, so this one opens the frame's.
 */
export class FrameUi {
  #cdp: CDPSession | undefined;

  constructor(
    private readonly page: Page,
    private readonly frame: Frame,
    private readonly frameSelector: string,
  ) {}

  async evaluate<T>(fn: string, arg?: unknown): Promise<T | undefined> {
    this.#cdp ??= await this.page.context().newCDPSession(this.frame);
    const cdp = this.#cdp;
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'share-to-protect' });
    if (!nodeId) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return undefined;
    const result = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function(arg) { return (${fn})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
    });
    if (result.exceptionDetails) throw new Error(`In the frame's extension UI: ${result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  async exists(selector: string): Promise<boolean> {
    return (await this.evaluate<boolean>('(root, sel) => root.querySelector(sel) !== null', selector)) ?? false;
  }

  async waitFor(selector: string): Promise<void> {
    await expect.poll(() => this.exists(selector), { timeout: 10_000 }).toBe(true);
  }

  /** Clicks with the real mouse: the element's place in the frame plus the frame's place in the page. */
  async click(selector: string): Promise<void> {
    const inFrame = await this.evaluate<{ x: number; y: number } | null>(
      `(root, sel) => { const r = root.querySelector(sel)?.getBoundingClientRect(); return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null; }`,
      selector,
    );
    if (!inFrame) throw new Error(`Nothing in the frame's extension UI matches ${selector}`);
    const origin = await this.page.locator(this.frameSelector).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { x: box.left + el.clientLeft, y: box.top + el.clientTop };
    });
    await this.page.mouse.click(origin.x + inFrame.x, origin.y + inFrame.y);
  }
}
