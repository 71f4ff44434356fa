/** Moves focus to the first invalid field in `container`, so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(container: HTMLElement): void {
  container.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')?.focus();
}
