import { anAuditEvent, anAuditPage } from '../admin-fixtures';
import { type AuditQuery, DEFAULT_AUDIT_QUERY } from '../audit-query';
import { AuditApiActions } from './audit-api.actions';
import { type AuditState, auditFeature, initialAuditState } from './audit.feature';

describe('auditFeature', () => {
  const { reducer } = auditFeature;
  const query: AuditQuery = { ...DEFAULT_AUDIT_QUERY, username: 'nurse' };
  const other: AuditQuery = { ...DEFAULT_AUDIT_QUERY, page: 2 };
  const newer = anAuditEvent({ recordedAt: '2025-05-02T10:00:00.000Z' });
  const older = anAuditEvent({ recordedAt: '2025-05-01T10:00:00.000Z' });

  function loaded(): AuditState {
    const started = reducer(initialAuditState, AuditApiActions.loadStarted({ query }));
    return reducer(started, AuditApiActions.loadSucceeded({ query, response: anAuditPage([newer, older], { total: 120 }) }));
  }

  it('starts empty', () => {
    expect(reducer(undefined, { type: '@@init' })).toEqual(initialAuditState);
    expect(initialAuditState).toEqual({ ids: [], entities: {}, query: null, total: null, loading: false, error: null });
  });

  it("keeps the server's order (newest first) and total", () => {
    const state = loaded();
    expect(state.ids).toEqual([newer.id, older.id]);
    expect(state.total).toBe(120);
    expect(state.loading).toBeFalse();
  });

  it('ignores the answer to a superseded query', () => {
    const state = reducer(loaded(), AuditApiActions.loadStarted({ query: other }));
    expect(reducer(state, AuditApiActions.loadSucceeded({ query, response: anAuditPage([]) }))).toBe(state);
    expect(reducer(state, AuditApiActions.loadFailed({ query, error: 'x' }))).toBe(state);
  });

  it('records a failure and drops stale rows', () => {
    const started = reducer(loaded(), AuditApiActions.loadStarted({ query: other }));
    const state = reducer(started, AuditApiActions.loadFailed({ query: other, error: 'Server down' }));
    expect(state.error).toBe('Server down');
    expect(state.ids).toEqual([]);
    expect(state.total).toBeNull();
  });

  it('selects events through the entity adapter', () => {
    const root = { adminAudit: loaded() };
    expect(auditFeature.selectAll(root)).toEqual([newer, older]);
    expect(auditFeature.selectPageCount(root)).toBe(2);
    expect(auditFeature.selectTotal(root)).toBe(120);
  });
});
