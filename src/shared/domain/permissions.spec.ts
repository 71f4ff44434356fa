import {
  PERMISSIONS,
  ROLES,
  ROLE_LABELS,
  ROLE_PERMISSIONS,
  SECTIONS,
  can,
  homePath,
  type Permission,
  type Role,
} from './permissions';

// HIPAA 164.312(a)(1) access control and 164.502(b) minimum necessary (fbss-domain.md §9).
describe('permission matrix', () => {
  it('nurse cannot tag causes, change case status or edit a treatment plan', () => {
    const denied: Permission[] = ['cause.write', 'case-status.change', 'plan.write'];
    for (const p of denied) expect(can('nurse', p)).withContext(p).toBeFalse();
  });

  it('nurse can read cases, enter assessments and read plans and follow-ups', () => {
    const allowed: Permission[] = [
      'patient.read',
      'assessment.create',
      'assessment.retract-own',
      'plan.read',
      'follow-up.read',
    ];
    for (const p of allowed) expect(can('nurse', p)).withContext(p).toBeTrue();
    expect(can('nurse', 'assessment.retract-any')).toBeFalse();
  });

  it('manager has only de-identified outcomes permissions', () => {
    expect([...ROLE_PERMISSIONS.manager].sort()).toEqual(PERMISSIONS.filter((p) => p.startsWith('outcomes.')).sort());
    expect(can('manager', 'patient.read')).toBeFalse();
  });

  it('admin manages users and reads the audit log but has no clinical access', () => {
    expect(can('admin', 'patient.read')).toBeFalse();
    expect(can('admin', 'plan.read')).toBeFalse();
    expect(can('admin', 'outcomes.read')).toBeFalse();
    expect(can('admin', 'user.manage')).toBeTrue();
    expect(can('admin', 'audit.read')).toBeTrue();
  });

  it('specialist has everything a nurse has, plus clinical writes', () => {
    for (const p of ROLE_PERMISSIONS.nurse) expect(can('specialist', p)).withContext(p).toBeTrue();
    for (const p of ['cause.write', 'case-status.change', 'plan.write', 'red-flag.acknowledge'] as const) {
      expect(can('specialist', p)).withContext(p).toBeTrue();
    }
    expect(can('specialist', 'user.manage')).toBeFalse();
  });

  it('denies by default with no role', () => {
    for (const p of PERMISSIONS) {
      expect(can(null, p)).toBeFalse();
      expect(can(undefined, p)).toBeFalse();
    }
  });

  it('grants only known permissions, without duplicates', () => {
    for (const role of ROLES) {
      const list = ROLE_PERMISSIONS[role];
      expect(new Set(list).size).withContext(role).toBe(list.length);
      for (const p of list) expect(PERMISSIONS).withContext(role).toContain(p);
      expect(ROLE_LABELS[role].length).toBeGreaterThan(0);
    }
  });

  const homes: [Role, string][] = [
    ['nurse', '/worklist'],
    ['specialist', '/worklist'],
    ['manager', '/outcomes'],
    ['admin', '/admin/users'],
  ];
  for (const [role, path] of homes) {
    it(`${role} lands on ${path}`, () => expect(homePath(role)).toBe(path));
  }

  it('shows each role only the sections it may use', () => {
    expect(SECTIONS.filter((s) => can('manager', s.permission)).map((s) => s.path)).toEqual(['/outcomes']);
    expect(SECTIONS.filter((s) => can('nurse', s.permission)).map((s) => s.path)).toEqual(['/worklist', '/follow-ups']);
  });
});
