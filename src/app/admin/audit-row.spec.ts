import { anAuditEvent } from './admin-fixtures';
import { describeRecord, toAuditRow } from './audit-row';

describe('audit row', () => {
  it('labels the role, action and outcome', () => {
    const row = toAuditRow(anAuditEvent({ role: 'specialist', action: 'read', outcome: 'denied' }));
    expect(row.roleLabel).toBe('Pain specialist');
    expect(row.actionLabel).toBe('Read');
    expect(row.outcomeLabel).toBe('Denied');
    expect(row.outcomeIcon).toBe('block');
  });

  it('keeps a role it does not know as it is, and no role as null', () => {
    expect(toAuditRow(anAuditEvent({ role: 'system' })).roleLabel).toBe('system');
    expect(toAuditRow(anAuditEvent({ role: null, username: null })).roleLabel).toBeNull();
  });

  it('describes the detail and the query as key: value pairs', () => {
    const row = toAuditRow(
      anAuditEvent({ detail: { reason: 'locked-out', changes: { role: { from: 'nurse', to: 'admin' } } }, query: { page: 1 } }),
    );
    expect(row.details).toBe('reason: locked-out; changes.role: nurse → admin; page: 1');
    expect(toAuditRow(anAuditEvent()).details).toBeNull();
  });

  it('describes an empty record as nothing', () => {
    expect(describeRecord({})).toBeNull();
    expect(describeRecord(null)).toBeNull();
    expect(describeRecord({ a: null, b: true, c: [1, 2], d: { e: { f: 'x' } } })).toBe('a: —; b: true; c: [1,2]; d.e.f: x');
  });
});
