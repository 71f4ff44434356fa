import type { FieldError, Problem } from '../../shared/contracts/problem';
import type { OperationOutcome, OperationOutcomeIssue } from './types';

/** HTTP status -> R4 issue-type code (http://hl7.org/fhir/issue-type). */
const ISSUE_CODE: Readonly<Record<number, string>> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-long',
  415: 'not-supported',
  422: 'business-rule',
  429: 'throttled',
  503: 'transient',
};

export function issueCode(status: number): string {
  return ISSUE_CODE[status] ?? (status >= 500 ? 'exception' : 'processing');
}

/** An OperationOutcome for an error answer of the /fhir endpoint. */
export function operationOutcome(status: number, diagnostics: string, errors: readonly FieldError[] = []): OperationOutcome {
  const code = issueCode(status);
  const issue: OperationOutcomeIssue[] = errors.length
    ? errors.map((e) => ({
        severity: 'error',
        code,
        diagnostics: `${diagnostics} ${e.message}`.trim(),
        ...(e.path ? { expression: [e.path] } : {}),
      }))
    : [{ severity: 'error', code, diagnostics }];
  return { resourceType: 'OperationOutcome', issue };
}

/** The API's problem+json turned into an OperationOutcome (for answers the global hooks send on /fhir routes). */
export function problemToOutcome(problem: Problem): OperationOutcome {
  return operationOutcome(problem.status, problem.detail ?? problem.title, problem.errors ?? []);
}
