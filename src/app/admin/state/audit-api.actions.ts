import { createActionGroup, props } from '@ngrx/store';
import type { AuditEventPage } from '@shared/contracts/admin';
import type { AuditQuery } from '../audit-query';

export const AuditApiActions = createActionGroup({
  source: 'Audit API',
  events: {
    'Load Started': props<{ query: AuditQuery }>(),
    'Load Succeeded': props<{ query: AuditQuery; response: AuditEventPage }>(),
    'Load Failed': props<{ query: AuditQuery; error: string }>(),
  },
});
