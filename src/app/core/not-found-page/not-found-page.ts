import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { homePath } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';

/** Any URL that matches no page. */
@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, MatAnchor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">Page not found</h1>
    <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
    <a mat-flat-button [routerLink]="home()">Go to your start page</a>
  `,
})
export class NotFoundPage {
  private readonly role = inject(Store).selectSignal(authFeature.selectRole);
  protected readonly home = computed(() => {
    const role = this.role();
    return role ? homePath(role) : '/';
  });
}
