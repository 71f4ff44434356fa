import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { homePath } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';

/** `/forbidden`: where the permission guard sends users whose role may not open a page. */
@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink, MatAnchor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">Not permitted</h1>
    <p>
      Your role{{ roleLabel() ? ' (' + roleLabel() + ')' : '' }} may not open that page. If you need it for your work, ask an administrator
      to review your access.
    </p>
    <a mat-flat-button [routerLink]="home()">Go to your start page</a>
  `,
})
export class ForbiddenPage {
  private readonly store = inject(Store);
  protected readonly roleLabel = this.store.selectSignal(authFeature.selectRoleLabel);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  protected readonly home = computed(() => {
    const role = this.role();
    return role ? homePath(role) : '/';
  });
}
