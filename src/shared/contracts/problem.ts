import * as z from 'zod';

/**
 * The one error shape of the API (RFC 9457 application/problem+json).
 * `errors[].path` is the dotted field path, e.g. `surgeries.0.date`.
 */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(FieldError).optional(),
  /** On 409: the current state of the record, so the client can show what changed. */
  current: z.unknown().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const PROBLEM_TYPES = {
  400: 'https://fbss.example/problems/validation',
  401: 'https://fbss.example/problems/unauthenticated',
  403: 'https://fbss.example/problems/forbidden',
  404: 'https://fbss.example/problems/not-found',
  409: 'https://fbss.example/problems/stale-version',
  413: 'https://fbss.example/problems/too-large',
  415: 'https://fbss.example/problems/unsupported-media-type',
  422: 'https://fbss.example/problems/rule-violation',
  429: 'https://fbss.example/problems/too-many-requests',
  500: 'https://fbss.example/problems/internal',
  503: 'https://fbss.example/problems/unavailable',
} as const;

/** Turns zod issues into field errors with dotted paths. */
export function fieldErrorsFromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldError[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.'),
    message: i.message,
  }));
}

export function isProblem(value: unknown): value is Problem {
  return Problem.safeParse(value).success;
}
