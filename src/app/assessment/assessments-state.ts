import {
  EnvironmentInjector,
  type EnvironmentProviders,
  Injectable,
  createEnvironmentInjector,
  inject,
  makeEnvironmentProviders,
} from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';
import * as assessmentsEffects from './state/assessments.effects';
import { assessmentsFeature } from './state/assessments.feature';

/** The assessments feature state and its effects (registered on the record route). */
export function provideAssessmentsState(): EnvironmentProviders {
  return makeEnvironmentProviders([provideState(assessmentsFeature), provideEffects(assessmentsEffects)]);
}

/**
 * Registers the feature where no route of ours does: the case panel lives on the case page's route.
 * Registered once for the app's lifetime (like a lazy route's providers); registering again (the
 * record route) adds nothing (NgRx keeps one reducer per feature key and one run of each effect source).
 */
@Injectable({ providedIn: 'root' })
export class AssessmentsStateRegistry {
  private readonly parent = inject(EnvironmentInjector);
  private injector: EnvironmentInjector | null = null;

  /**
   * Registers the feature (once); true when it is registered. False where there is no root store to
   * register with (a page spec on a MockStore): the panel then stays empty rather than failing the page.
   */
  ensure(): boolean {
    try {
      this.injector ??= createEnvironmentInjector([provideAssessmentsState()], this.parent, 'AssessmentsState');
      return true;
    } catch {
      return false;
    }
  }
}
