import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { SECTIONS } from '@shared/domain/permissions';
import { AuthPageActions } from '../../auth/state/auth-page.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { aUser } from '../../testing/fixtures';
import { NAV_SECTIONS } from './nav-sections';
import { START_OUTBOX, Shell } from './shell';

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let store: MockStore;
  let startOutbox: jasmine.Spy<() => Promise<void>>;

  async function render(user = aUser()): Promise<void> {
    store.overrideSelector(authFeature.selectUser, user);
    store.overrideSelector(authFeature.selectRoleLabel, user.role === 'nurse' ? 'Nurse' : 'Pain specialist');
    store.overrideSelector(authFeature.selectPending, false);
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
  }

  async function navLabels(): Promise<string[]> {
    const nav = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatNavListHarness.with({ ancestor: 'nav[aria-label="Main"]' }));
    return Promise.all((await nav.getItems()).map((item) => item.getTitle()));
  }

  beforeEach(() => {
    startOutbox = jasmine.createSpy('startOutbox').and.resolveTo();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        provideMockStore(),
        // Every section "exists" here, so the role filter is what the spec sees.
        { provide: NAV_SECTIONS, useValue: SECTIONS },
        { provide: START_OUTBOX, useValue: startOutbox },
      ],
    });
    store = TestBed.inject(MockStore);
  });

  afterEach(() => {
    store.resetSelectors();
  });

  it('starts the assessment outbox once for a role that records assessments, so pending entries are sent from any page', async () => {
    await render(aUser({ role: 'nurse' }));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(startOutbox).toHaveBeenCalledTimes(1);
  });

  it('does not start the assessment outbox for a manager', async () => {
    await render(aUser({ role: 'manager' }));
    expect(startOutbox).not.toHaveBeenCalled();
  });

  it("shows the user's name and role label", async () => {
    await render(aUser({ displayName: 'Dr Sam Lee', role: 'specialist' }));
    const user = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="signed-in-user"]');
    expect(user?.textContent).toContain('Dr Sam Lee');
    expect(user?.textContent).toContain('Pain specialist');
  });

  it('has a Main navigation landmark listing only what the role may use (nurse)', async () => {
    await render(aUser({ role: 'nurse' }));
    expect(await navLabels()).toEqual(['Worklist', 'Follow-ups due']);
  });

  it('lists more sections for a specialist', async () => {
    await render(aUser({ role: 'specialist' }));
    expect(await navLabels()).toEqual(['Worklist', 'Follow-ups due', 'New referral', 'FHIR import']);
  });

  it('signs out from the toolbar', async () => {
    await render();
    spyOn(store, 'dispatch');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const signOut = await loader.getHarness(MatButtonHarness.with({ text: /Sign out/ }));
    await signOut.click();
    expect(store.dispatch).toHaveBeenCalledWith(AuthPageActions.signOutClicked());
  });
});
