import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  EnvironmentInjector,
  ErrorHandler,
  InjectionToken,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconAnchor, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Store } from '@ngrx/store';
import { can } from '@shared/domain/permissions';
import { map } from 'rxjs';
import { AuthPageActions } from '../../auth/state/auth-page.actions';
import { authFeature } from '../../auth/state/auth.feature';
import { NAV_SECTIONS } from './nav-sections';

/** Below this width the navigation slides over the page instead of sitting beside it. */
const NARROW = '(max-width: 959.98px)';

/**
 * Starts the assessment outbox (its root service) in the given injector. It is loaded lazily, so that the outbox
 * stays out of the initial bundle.
 */
export const START_OUTBOX = new InjectionToken<(injector: EnvironmentInjector) => Promise<void>>('START_OUTBOX', {
  providedIn: 'root',
  factory: () => async (injector) => {
    const { AssessmentOutbox } = await import('../../assessment/outbox/assessment-outbox');
    injector.get(AssessmentOutbox);
  },
});

/** The frame of every signed-in page: toolbar, side navigation, main content. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbar,
    MatButton,
    MatIconButton,
    MatIconAnchor,
    MatIcon,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly store = inject(Store);
  private readonly allSections = inject(NAV_SECTIONS);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly roleLabel = this.store.selectSignal(authFeature.selectRoleLabel);
  protected readonly signingOut = this.store.selectSignal(authFeature.selectPending);
  protected readonly sections = computed(() => {
    const role = this.user()?.role;
    return this.allSections.filter((section) => can(role, section.permission));
  });
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    // Assessments left pending by an earlier visit (kept in this browser) are sent, and sign-out warns about
    // them, from whatever page the user is on, not only once the form or a case page has been opened.
    const start = inject(START_OUTBOX);
    const injector = inject(EnvironmentInjector);
    const errors = inject(ErrorHandler);
    let started = false;
    let destroyed = false;
    inject(DestroyRef).onDestroy(() => (destroyed = true));
    effect(() => {
      if (started || !can(this.user()?.role, 'assessment.create')) return;
      started = true;
      start(injector).catch((error: unknown) => {
        started = false;
        // Signed out (or the app torn down) before the outbox had loaded: nothing to report.
        if (!destroyed) errors.handleError(error);
      });
    });
  }

  protected signOut(): void {
    // Work not yet on the server may hold the sign-out: a listener (the assessment outbox, while entries
    // wait to be sent) cancels this event and asks the user first.
    if (!window.dispatchEvent(new Event('fbss:before-sign-out', { cancelable: true }))) return;
    this.store.dispatch(AuthPageActions.signOutClicked());
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
