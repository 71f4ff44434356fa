import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  booleanAttribute,
  computed,
  forwardRef,
  input,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { NRS_MAX, NRS_MIN } from '@shared/domain/pain';

/** Keys that enter 10 (one keystroke; "1" already means one). Shown in the hint. */
export const NRS_TEN_KEYS: ReadonlySet<string> = new Set(['x', 'X', '+']);

let nextId = 0;

/** The score a key enters: a digit 0-9, or 10 for X / +; null for any other key. */
export function nrsForKey(key: string): number | null {
  if (key.length === 1 && key >= '0' && key <= '9') return Number(key);
  return NRS_TEN_KEYS.has(key) ? NRS_MAX : null;
}

/**
 * A 0-10 numeric rating scale as a radio group (native radios, so arrow keys, Space and screen readers
 * work as everywhere else). For speed, typing a digit anywhere in the group sets that score and emits
 * `completed` (the form moves focus on); X or + enters 10. Enter is left to the form (it saves).
 */
@Component({
  selector: 'app-nrs-input',
  templateUrl: './nrs-input.html',
  styleUrl: './nrs-input.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => NrsInput), multi: true }],
})
export class NrsInput implements ControlValueAccessor {
  /** Visible label of the group, e.g. "Back pain". */
  readonly label = input.required<string>();
  /** An error to show under the scale (and to announce); null when valid. */
  readonly error = input<string | null>(null);
  readonly required = input(false, { transform: booleanAttribute });
  /** A digit (or X / +) set the score: the next field may take the focus. */
  readonly completed = output<number>();

  protected readonly id = `nrs-${String(nextId++)}`;
  protected readonly scores = Array.from({ length: NRS_MAX - NRS_MIN + 1 }, (_, i) => NRS_MIN + i);
  protected readonly value = signal<number | null>(null);
  protected readonly disabled = signal(false);
  protected readonly describedBy = computed(() => `${this.id}-hint` + (this.error() ? ` ${this.id}-error` : ''));

  private readonly radios = viewChildren<ElementRef<HTMLInputElement>>('radio');
  private onChange: (value: number | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  /** Focuses the chosen score, or 0 when none is chosen yet (focus alone does not choose it). */
  focus(): void {
    const radios = this.radios();
    const chosen = this.value();
    (radios.at(chosen ?? 0) ?? radios.at(0))?.nativeElement.focus();
  }

  writeValue(value: unknown): void {
    this.value.set(typeof value === 'number' ? value : null);
  }

  registerOnChange(fn: (value: number | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected choose(score: number): void {
    if (this.disabled()) return;
    this.value.set(score);
    this.onChange(score);
  }

  protected keydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const score = nrsForKey(event.key);
    if (score === null || this.disabled()) return;
    event.preventDefault();
    this.choose(score);
    this.radios()[score]?.nativeElement.focus();
    this.completed.emit(score);
  }

  protected focusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.onTouched();
  }
}
