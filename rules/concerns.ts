/**
 * The concern vocabulary, copied from shared/guidance/concerns.json. A test keeps the two in step,
 * so that the guidance file stays the single definition of what each id means.
 */
export const riskConcerns = [
  'physical-abuse',
  'sexual-abuse',
  'emotional-abuse',
  'neglect',
  'domestic-abuse',
  'exploitation',
  'fgm',
  'forced-marriage-hba',
  'radicalisation',
  'self-harm-suicide',
  'missing-child',
  'online-harm',
  'allegation-against-staff',
] as const;

export const sharingConcerns = [
  'disclosure',
  'secrecy-request',
  'consent-refused',
  'immediate-danger',
  'sharing-hesitancy',
  'decision-not-to-share',
  'third-party-identity',
] as const;

export const concernIds = [...riskConcerns, ...sharingConcerns] as const;

export type RiskConcernId = (typeof riskConcerns)[number];
export type SharingConcernId = (typeof sharingConcerns)[number];
export type ConcernId = (typeof concernIds)[number];

const riskSet: ReadonlySet<string> = new Set(riskConcerns);
const concernSet: ReadonlySet<string> = new Set(concernIds);

export function isConcernId(value: string): value is ConcernId {
  return concernSet.has(value);
}

export function isRiskConcern(value: string): value is RiskConcernId {
  return riskSet.has(value);
}
