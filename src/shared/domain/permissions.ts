/**
 * Who may do what: the permission matrix as data, used by the server to enforce (deny by default)
 * and by the SPA to show or hide actions.
 *
 * Source: HIPAA 164.312(a)(1) access control and 164.502(b) minimum necessary (fbss-domain.md §9):
 * specialists see the full record, nurses the clinic's cases and symptom/PROM entry, managers only
 * de-identified aggregates, admins accounts and the audit log but no clinical records.
 */
export const ROLES = ['nurse', 'specialist', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  nurse: 'Nurse',
  specialist: 'Pain specialist',
  manager: 'Manager',
  admin: 'Administrator',
};

export const PERMISSIONS = [
  'patient.read', // worklist, case page, surgeries, referrals, cause tags, notes
  'patient.create', // register a referral
  'patient.update', // edit patient details, assign clinicians
  'cause.write', // tag and verify suspected causes
  'case-status.change',
  'note.write',
  'assessment.create',
  'assessment.retract-own', // mark one's own assessment entered-in-error
  'assessment.retract-any',
  'red-flag.acknowledge',
  'plan.read',
  'plan.write',
  'follow-up.read',
  'outcomes.read', // de-identified aggregates
  'outcomes.export',
  'fhir.import',
  'fhir.export',
  'fhir.read',
  'user.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const NURSE: readonly Permission[] = [
  'patient.read',
  'assessment.create',
  'assessment.retract-own',
  'plan.read',
  'follow-up.read',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  nurse: NURSE,
  specialist: [
    ...NURSE,
    'patient.create',
    'patient.update',
    'cause.write',
    'case-status.change',
    'note.write',
    'assessment.retract-any',
    'red-flag.acknowledge',
    'plan.write',
    'fhir.import',
    'fhir.export',
    'fhir.read',
  ],
  manager: ['outcomes.read', 'outcomes.export'],
  admin: ['user.manage', 'audit.read'],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}

/** Sections of the SPA and the permission each needs; the side navigation shows only those a role may use. */
export const SECTIONS = [
  { path: '/worklist', label: 'Worklist', icon: 'list_alt', permission: 'patient.read' },
  { path: '/follow-ups', label: 'Follow-ups due', icon: 'event_upcoming', permission: 'follow-up.read' },
  { path: '/referrals/new', label: 'New referral', icon: 'person_add', permission: 'patient.create' },
  { path: '/import', label: 'FHIR import', icon: 'upload_file', permission: 'fhir.import' },
  { path: '/outcomes', label: 'Outcomes', icon: 'insights', permission: 'outcomes.read' },
  { path: '/admin/users', label: 'Users', icon: 'manage_accounts', permission: 'user.manage' },
  { path: '/admin/audit', label: 'Audit log', icon: 'policy', permission: 'audit.read' },
] as const satisfies readonly { path: string; label: string; icon: string; permission: Permission }[];

/** Where a role lands after signing in. */
export function homePath(role: Role): string {
  return SECTIONS.find((s) => can(role, s.permission))?.path ?? '/';
}
