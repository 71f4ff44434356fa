import type { CauseTag, Patient } from '@shared/contracts/patients';
import { CASE_STATUS_LABELS, REFERRAL_PRIORITY_LABELS, SEX_LABELS } from '@shared/domain/case-status';
import { CAUSE_STATUS_LABELS } from '@shared/domain/causes';
import type { Conflict, FieldChange } from './operation';

const NONE = '(none)';

function change(label: string, before: string | null, after: string | null): FieldChange | null {
  return (before ?? '') === (after ?? '') ? null : { label, before: before || NONE, after: after || NONE };
}

function present(changes: (FieldChange | null)[]): FieldChange[] {
  return changes.filter((c): c is FieldChange => c !== null);
}

/** What changed between the patient record the user started from and the one saved now. */
export function patientConflict(base: Patient | null, current: Patient): Conflict {
  const changes = base
    ? present([
        change('Family name', base.familyName, current.familyName),
        change('Given name', base.givenName, current.givenName),
        change('Date of birth', base.dateOfBirth, current.dateOfBirth),
        change('Sex', SEX_LABELS[base.sex], SEX_LABELS[current.sex]),
        change('Phone', base.phone, current.phone),
        change('Email', base.email, current.email),
        change('Priority', REFERRAL_PRIORITY_LABELS[base.priority], REFERRAL_PRIORITY_LABELS[current.priority]),
        change('Responsible specialist', base.responsibleSpecialistName, current.responsibleSpecialistName),
        change('Named nurse', base.namedNurseName, current.namedNurseName),
        change('Case status', CASE_STATUS_LABELS[base.status], CASE_STATUS_LABELS[current.status]),
        change('Referrals', String(base.referrals.length), String(current.referrals.length)),
        change('Surgeries', String(base.surgeries.length), String(current.surgeries.length)),
      ])
    : [];
  return { changedBy: current.updatedBy, changedAt: current.updatedAt, changes };
}

/** What changed on a cause tag since the user loaded it. */
export function causeConflict(base: CauseTag | undefined, current: CauseTag): Conflict {
  const changes = base
    ? present([
        change('Verification status', CAUSE_STATUS_LABELS[base.status], CAUSE_STATUS_LABELS[current.status]),
        change('Evidence', base.evidenceNote, current.evidenceNote),
      ])
    : [];
  return { changedBy: current.updatedBy, changedAt: current.updatedAt, changes };
}
