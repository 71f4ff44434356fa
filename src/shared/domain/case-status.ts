/**
 * Case (episode) state machine, referral priority and administrative sex.
 *
 * Derived from the plan lifecycle in fbss-domain.md §5:
 * referral received -> triage (red flags) -> MDT assessment (history, exam, imaging, psych screen, PROM
 * baseline; cause tags and diagnostic blocks) -> plan / treatment (conservative, interventional, SCS
 * trial and implant) -> follow-up -> long-term/salvage or discharge.
 *
 * Extra edges a clinic needs, decided here (not in the brief):
 * - discharge is possible from every open status (declined, redirected at triage, moved away, died);
 * - treatment and follow-up may go back to assessment (new symptoms, failed treatment: re-work-up);
 * - follow-up may go back to treatment (salvage, e.g. SCS reprogramming or revision; NACC, Deer 2024);
 * - a discharged case may be re-opened to triage on re-referral (red flags are screened again);
 * - no self transitions.
 */

export const CASE_STATUSES = ['referred', 'triage', 'assessment', 'treatment', 'follow-up', 'discharged'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  referred: 'Referred',
  triage: 'Triage',
  assessment: 'Assessment',
  treatment: 'Treatment',
  'follow-up': 'Follow-up',
  discharged: 'Discharged',
};

export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  referred: ['triage', 'discharged'],
  triage: ['assessment', 'discharged'],
  assessment: ['treatment', 'discharged'],
  treatment: ['follow-up', 'assessment', 'discharged'],
  'follow-up': ['treatment', 'assessment', 'discharged'],
  discharged: ['triage'],
};

/** Statuses in which the case is open (on the worklist). */
export const OPEN_CASE_STATUSES = CASE_STATUSES.filter((s) => s !== 'discharged');

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/**
 * Null when the move is allowed; otherwise a message for staff (and for a 422 problem response), e.g.
 * "A case in Referred cannot move to Follow-up. Allowed next: Triage, Discharged."
 */
export function transitionError(from: CaseStatus, to: CaseStatus): string | null {
  if (canTransition(from, to)) return null;
  const allowed = CASE_TRANSITIONS[from].map((s) => CASE_STATUS_LABELS[s]).join(', ');
  if (from === to) return `The case is already in ${CASE_STATUS_LABELS[from]}. Allowed next: ${allowed}.`;
  return `A case in ${CASE_STATUS_LABELS[from]} cannot move to ${CASE_STATUS_LABELS[to]}. Allowed next: ${allowed}.`;
}

// ---- Referral priority: FHIR R4 ServiceRequest.priority (request-priority), fbss-domain.md §8 ----

/** Ordered from least to most urgent. */
export const REFERRAL_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;
export type ReferralPriority = (typeof REFERRAL_PRIORITIES)[number];

export const REFERRAL_PRIORITY_LABELS: Readonly<Record<ReferralPriority, string>> = {
  routine: 'Routine',
  urgent: 'Urgent',
  asap: 'ASAP',
  stat: 'Emergency (stat)',
};

/** Positive when `a` is more urgent than `b` (for sorting the worklist most urgent first: `(x, y) => comparePriority(y, x)`). */
export function comparePriority(a: ReferralPriority, b: ReferralPriority): number {
  return REFERRAL_PRIORITIES.indexOf(a) - REFERRAL_PRIORITIES.indexOf(b);
}

/** The more urgent of two priorities. */
export function maxPriority(a: ReferralPriority, b: ReferralPriority): ReferralPriority {
  return comparePriority(a, b) >= 0 ? a : b;
}

// ---- Administrative sex: FHIR R4 Patient.gender (administrative-gender) ----

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const SEX_LABELS: Readonly<Record<Sex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};
