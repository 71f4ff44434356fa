import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { AuditEventItem } from '@shared/contracts/admin';
import { anAuditEvent } from '../admin-fixtures';
import { type AuditQuery, DEFAULT_AUDIT_QUERY, selectAuditQuery } from '../audit-query';
import { AuditPageActions } from '../state/audit-page.actions';
import { auditFeature } from '../state/audit.feature';
import { AuditPage } from './audit-page';

const PATIENT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let loader: HarnessLoader;
  let store: MockStore;

  const signIn = anAuditEvent({
    username: 'nurse',
    role: 'nurse',
    action: 'execute',
    subtype: 'login',
    outcome: 'success',
    recordedAt: '2025-05-01T08:30:05.000Z',
  });
  const denied = anAuditEvent({
    username: null,
    role: null,
    action: 'read',
    subtype: 'read',
    outcome: 'denied',
    entityType: 'Patient',
    entityId: PATIENT,
    patientId: PATIENT,
    clientAddress: null,
    detail: { reason: 'role' },
  });

  interface View {
    query?: AuditQuery;
    events?: AuditEventItem[];
    total?: number | null;
    loading?: boolean;
    error?: string | null;
  }

  async function render(view: View = {}): Promise<void> {
    store.overrideSelector(selectAuditQuery, view.query ?? DEFAULT_AUDIT_QUERY);
    store.overrideSelector(auditFeature.selectAll, view.events ?? [signIn, denied]);
    store.overrideSelector(auditFeature.selectTotal, view.total === undefined ? 2 : view.total);
    store.overrideSelector(auditFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(auditFeature.selectError, view.error ?? null);
    fixture = TestBed.createComponent(AuditPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label}`) }));

  async function fill(label: string, value: string): Promise<void> {
    const input = await (await field(label)).getControl(MatInputHarness);
    await input?.setValue(value);
    await input?.blur();
  }

  async function choose(label: string, option: string): Promise<void> {
    const select = await (await field(label)).getControl(MatSelectHarness);
    await select?.open();
    await select?.clickOptions({ text: option });
  }

  const apply = async () => (await loader.getHarness(MatButtonHarness.with({ text: /Apply filters/ }))).click();
  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AuditPage],
      providers: [provideMockStore(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it('tells the store it opened', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(AuditPageActions.opened());
  });

  it('shows the events in a table', async () => {
    await render();
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual(['Time', 'User', 'Role', 'Action', 'Event', 'Outcome', 'Entity', 'Patient id', 'Client address', 'Details']);
    const cells = await table.getCellTextByColumnName();
    expect(cells['recordedAt'].text[0]).toMatch(/^1 May 2025, \d\d:30:05$/);
    expect(cells['username'].text).toEqual(['nurse', 'Not signed in']);
    expect(cells['role'].text[0]).toBe('Nurse');
    expect(cells['action'].text).toEqual(['Execute', 'Read']);
    expect(cells['subtype'].text[0]).toBe('login');
    expect(cells['outcome'].text[0]).toContain('Success');
    expect(cells['outcome'].text[1]).toContain('Denied');
    expect(cells['entity'].text[1]).toContain(PATIENT);
    expect(cells['patientId'].text[1]).toBe(PATIENT);
    expect(cells['clientAddress'].text[0]).toBe('127.0.0.1');
    expect(cells['details'].text[1]).toBe('reason: role');
    expect(element().querySelector('.outcome-denied')).not.toBeNull();
  });

  it('applies the filters from the form', async () => {
    await render({ query: { ...DEFAULT_AUDIT_QUERY, page: 3 } });
    await fill('Username', ' nurse ');
    await fill('Patient id', PATIENT.toUpperCase());
    await choose('Action', 'Execute');
    await choose('Outcome', 'Denied');
    await fill('From', '01/05/2025');
    await fill('To', '31/05/2025');
    await apply();
    expect(store.dispatch).toHaveBeenCalledWith(
      AuditPageActions.filtersApplied({
        filters: {
          userId: undefined,
          username: 'nurse',
          patientId: PATIENT,
          action: 'execute',
          outcome: 'denied',
          from: '2025-05-01',
          to: '2025-05-31',
        },
      }),
    );
  });

  it('shows the filters in the URL', async () => {
    await render({ query: { ...DEFAULT_AUDIT_QUERY, username: 'admin', outcome: 'failed', from: '2025-04-01' } });
    expect(await (await (await field('Username')).getControl(MatInputHarness))?.getValue()).toBe('admin');
    expect(await (await (await field('Outcome')).getControl(MatSelectHarness))?.getValueText()).toBe('Failed');
    expect(await (await (await field('From')).getControl(MatInputHarness))?.getValue()).toBe('01/04/2025');
  });

  it('refuses a partial patient id, an unreadable date and a range that ends before it starts', async () => {
    await render();
    await fill('Patient id', '3f2504e0');
    await fill('From', '31/05/2025');
    await fill('To', '01/05/2025');
    await apply();
    expect(store.dispatch).not.toHaveBeenCalledWith(jasmine.objectContaining({ type: AuditPageActions.filtersApplied.type }));
    expect(await (await field('Patient id')).getTextErrors()).toEqual(['Enter a whole patient id (a UUID)']);
    expect(await (await field('To')).getTextErrors()).toEqual(['To must be on or after From']);
    await fill('To', '5 May');
    await apply();
    expect(await (await field('To')).getTextErrors()).toEqual(['Use dd/mm/yyyy']);
  });

  it('has a calendar button for each date', async () => {
    await render();
    expect(element().querySelector('button[aria-label="Choose the From date"]')).not.toBeNull();
    expect(element().querySelector('button[aria-label="Choose the To date"]')).not.toBeNull();
  });

  it('clears the filters', async () => {
    await render({ query: { ...DEFAULT_AUDIT_QUERY, username: 'admin' } });
    const [clear] = await loader.getAllHarnesses(MatButtonHarness.with({ text: /Clear filters/ }));
    await clear.click();
    expect(store.dispatch).toHaveBeenCalledWith(AuditPageActions.filtersCleared());
  });

  it('exports the applied filters as CSV through a download link', async () => {
    await render({ query: { ...DEFAULT_AUDIT_QUERY, page: 2, username: 'nurse', action: 'execute' } });
    const link = element().querySelector<HTMLAnchorElement>('a[download]');
    expect(link?.textContent).toContain('Export CSV');
    expect(link?.getAttribute('href')).toBe('/api/admin/audit-events/export?action=execute&username=nurse');
  });

  it('pages on the server', async () => {
    await render({ total: 60 });
    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    expect(store.dispatch).toHaveBeenCalledWith(AuditPageActions.pageChanged({ page: 2, pageSize: 25 }));
  });

  it('refreshes', async () => {
    await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Refresh/ }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(AuditPageActions.refreshClicked());
  });

  it('shows progress while loading', async () => {
    await render({ loading: true });
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);
  });

  it('says when no events match, and offers to clear the filters', async () => {
    await render({ query: { ...DEFAULT_AUDIT_QUERY, username: 'nobody' }, events: [], total: 0 });
    expect(element().textContent).toContain('No events match these filters');
  });

  it('shows an error with Retry', async () => {
    await render({ error: 'The server could not be reached.', events: [], total: null });
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('The server could not be reached.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(AuditPageActions.retryClicked());
  });
});
