/**
 * What the extension knows about one case system: where it runs, how its note field can be
 * recognised, and which DOM quirks it has. One adapter per file, registered in `index.ts`;
 * `test/unit/detect-adapters.test.ts` keeps every adapter in step with its fixture page.
 */
export interface CaseSystemAdapter {
  /** Stable id, written to the log as `systemId`. */
  readonly id: string;
  /** The system's name as workers know it. */
  readonly name: string;
  /**
   * Match patterns of the real system's hosted web addresses. Empty for systems each council or
   * trust hosts on its own domain: an administrator lists those by policy (`sites`, with this
   * adapter's id as `systemId`).
   */
  readonly matches: readonly string[];
  /** The fixture page in test/fixtures/pages imitating this system. */
  readonly fixture: string;
  /** Paths of loopback fixture pages that test builds treat as this system. */
  readonly testPaths: readonly string[];
  readonly fieldHints: {
    /** CSS selectors that always mark a note field on this system. */
    readonly selectors?: readonly string[];
    /** Labels the system gives its note fields (whole words, case-insensitive). */
    readonly labels?: readonly string[];
  };
  /** The DOM quirks detection must cope with on this system, named for the next maintainer. */
  readonly quirks: readonly string[];
}
