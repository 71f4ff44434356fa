import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { NrsInput, nrsForKey } from './nrs-input';

@Component({
  imports: [NrsInput, ReactiveFormsModule],
  template: `<app-nrs-input #nrs label="Back pain" [formControl]="control" [error]="error()" (completed)="completed.push($event)" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly control = new FormControl<number | null>(null);
  readonly error = signal<string | null>(null);
  readonly completed: number[] = [];
  readonly nrs = viewChild.required<NrsInput>('nrs');
}

describe('nrsForKey', () => {
  it('reads one digit as its score, and X or + as 10', () => {
    expect(nrsForKey('0')).toBe(0);
    expect(nrsForKey('7')).toBe(7);
    expect(nrsForKey('x')).toBe(10);
    expect(nrsForKey('X')).toBe(10);
    expect(nrsForKey('+')).toBe(10);
    expect(nrsForKey('a')).toBeNull();
    expect(nrsForKey('Enter')).toBeNull();
  });
});

describe('NrsInput', () => {
  let fixture: ComponentFixture<Host>;
  let element: HTMLElement;

  function radios(): HTMLInputElement[] {
    return [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  }

  function press(target: HTMLElement, key: string): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('is a radio group named by its label, with the scores 0 to 10', () => {
    const group = element.querySelector('[role="radiogroup"]');
    const labelId = group?.getAttribute('aria-labelledby') ?? '';
    expect(element.querySelector(`#${labelId}`)?.textContent.trim()).toBe('Back pain');
    expect(radios().map((radio) => radio.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // The visible hint says how to enter 10.
    expect(element.textContent).toContain('X for 10');
  });

  it('sets the score from one digit and says it is complete (the form moves the focus on)', async () => {
    fixture.componentInstance.nrs().focus();
    expect(document.activeElement).toBe(radios()[0]);
    const event = press(radios()[0], '7');
    await fixture.whenStable();
    expect(event.defaultPrevented).toBeTrue();
    expect(fixture.componentInstance.control.value).toBe(7);
    expect(radios()[7].checked).toBeTrue();
    expect(fixture.componentInstance.completed).toEqual([7]);
  });

  it('enters 10 with X', async () => {
    press(radios()[0], 'x');
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toBe(10);
    expect(fixture.componentInstance.completed).toEqual([10]);
  });

  it('leaves Enter and other keys alone (Enter saves the form)', () => {
    const enter = press(radios()[0], 'Enter');
    const letter = press(radios()[0], 'q');
    const shortcut = new KeyboardEvent('keydown', { key: '5', ctrlKey: true, bubbles: true, cancelable: true });
    radios()[0].dispatchEvent(shortcut);
    expect(enter.defaultPrevented).toBeFalse();
    expect(letter.defaultPrevented).toBeFalse();
    expect(shortcut.defaultPrevented).toBeFalse();
    expect(fixture.componentInstance.control.value).toBeNull();
  });

  it('takes clicks on the scores', async () => {
    element.querySelector<HTMLLabelElement>('label[for$="-3"]')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.control.value).toBe(3);
    // A click is not a keystroke: the focus stays for the user to move.
    expect(fixture.componentInstance.completed).toEqual([]);
  });

  it('shows the value of the form control and focuses the chosen score', async () => {
    fixture.componentInstance.control.setValue(4);
    await fixture.whenStable();
    expect(radios()[4].checked).toBeTrue();
    fixture.componentInstance.nrs().focus();
    expect(document.activeElement).toBe(radios()[4]);
  });

  it('shows an error, linked to the group and marked invalid', async () => {
    fixture.componentInstance.error.set('Enter both back and leg pain');
    await fixture.whenStable();
    const group = element.querySelector('[role="radiogroup"]');
    expect(group?.getAttribute('aria-invalid')).toBe('true');
    const errorId = (group?.getAttribute('aria-describedby') ?? '').split(' ')[1];
    expect(element.querySelector(`#${errorId}`)?.textContent).toContain('Enter both back and leg pain');
  });

  it('ignores keys while disabled', async () => {
    fixture.componentInstance.control.disable();
    await fixture.whenStable();
    press(radios()[0], '5');
    expect(fixture.componentInstance.control.value).toBeNull();
    expect(radios().every((radio) => radio.disabled)).toBeTrue();
  });
});
