import {
  EnvironmentInjector,
  type EnvironmentProviders,
  Injectable,
  createEnvironmentInjector,
  inject,
  makeEnvironmentProviders,
} from '@angular/core';
import { provideEffects } from '@ngrx/effects';
import { isNgrxMockEnvironment, provideState } from '@ngrx/store';
import * as treatmentPlanEffects from './state/treatment-plan.effects';
import { treatmentPlanFeature } from './state/treatment-plan.feature';

export function provideTreatmentPlanState(): EnvironmentProviders {
  return makeEnvironmentProviders([provideState(treatmentPlanFeature), provideEffects(treatmentPlanEffects)]);
}

/**
 * Registers the treatment plan feature where no route of ours does: the panel lives on the case page's route
 * (owned by the case feature). Registered once for the app's lifetime, like a lazy route's providers.
 */
@Injectable({ providedIn: 'root' })
export class TreatmentPlanStateRegistry {
  private readonly parent = inject(EnvironmentInjector);
  private injector: EnvironmentInjector | null = null;

  /**
   * Registers the feature (once); true when it is registered. Under `provideMockStore` (component specs, including
   * the case page's) nothing is registered: the spec provides the state through selector overrides.
   */
  ensure(): boolean {
    if (isNgrxMockEnvironment()) return false;
    this.injector ??= createEnvironmentInjector([provideTreatmentPlanState()], this.parent, 'TreatmentPlanState');
    return true;
  }
}
