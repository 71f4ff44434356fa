import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { authFeature } from '../../auth/state/auth.feature';
import { ForbiddenPage } from './forbidden-page';

describe('ForbiddenPage', () => {
  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
  });

  it("says that the user's role may not open the page, and links home", async () => {
    TestBed.configureTestingModule({
      imports: [ForbiddenPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          selectors: [
            { selector: authFeature.selectRoleLabel, value: 'Manager' },
            { selector: authFeature.selectRole, value: 'manager' },
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(ForbiddenPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Not permitted');
    expect(element.textContent).toContain('Your role (Manager) may not open that page.');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/outcomes');
  });
});
