/**
 * Scheme and host of the page, for the log; never the path or query, which can carry case ids.
 * A frame with no host of its own (about:blank, srcdoc) takes its nearest ancestor's origin.
 */
export function pageOrigin(location: Pick<Location, 'protocol' | 'host'> & { ancestorOrigins?: DOMStringList }): string {
  if (location.host) return `${location.protocol}//${location.host}`.toLowerCase();
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor.toLowerCase();
  return 'about://blank';
}
