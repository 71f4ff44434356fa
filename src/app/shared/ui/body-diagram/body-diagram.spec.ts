import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { BodyDiagram } from './body-diagram';
import { BodyLocationList } from './body-location-list';
import type { ZoneId } from './body-zones';

@Component({
  imports: [BodyDiagram, BodyLocationList],
  template: `
    <app-body-diagram [selected]="selected()" [readonly]="readonly()" label="Location of symptom 1" (toggled)="toggled.push($event)" />
    <app-body-location-list [selected]="selected()" (toggled)="listed.push($event)" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly selected = signal<string[]>([]);
  readonly readonly = signal(false);
  readonly toggled: ZoneId[] = [];
  readonly listed: ZoneId[] = [];
}

describe('BodyDiagram', () => {
  let fixture: ComponentFixture<Host>;
  let element: HTMLElement;

  const checkbox = (label: string): SVGElement | null =>
    element.querySelector(`app-body-diagram [role="checkbox"][aria-label^="${label}"]`);

  function press(target: Element, key: string): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('shows front and back views whose dermatomes are labelled checkboxes', () => {
    const views = [...element.querySelectorAll('app-body-diagram svg')].map((svg) => svg.getAttribute('aria-label'));
    expect(views).toEqual(["Front view, patient's right on your left", "Back view, patient's left on your left"]);
    const l5 = checkbox('Left L5 dermatome');
    expect(l5?.getAttribute('aria-label')).toBe('Left L5 dermatome: lateral leg, dorsum of foot and big toe');
    expect(l5?.getAttribute('aria-checked')).toBe('false');
    expect(element.querySelectorAll('app-body-diagram [role="checkbox"]').length).toBe(14);
  });

  it('reports a click on a zone', () => {
    checkbox('Left L5 dermatome')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(fixture.componentInstance.toggled).toEqual(['left:L5']);
  });

  it('shows picked zones as checked', async () => {
    fixture.componentInstance.selected.set(['left:L5']);
    await fixture.whenStable();
    expect(checkbox('Left L5 dermatome')?.getAttribute('aria-checked')).toBe('true');
    expect(checkbox('Right L5 dermatome')?.getAttribute('aria-checked')).toBe('false');
  });

  it('works by keyboard: one tab stop per view, arrows to move, Space to pick', async () => {
    const front = element.querySelector('app-body-diagram svg');
    const tabbable = [...(front?.querySelectorAll('[role="checkbox"]') ?? [])].filter((zone) => zone.getAttribute('tabindex') === '0');
    expect(tabbable.length).toBe(1);
    const start = tabbable[0] as SVGElement;
    start.focus();
    const down = press(start, 'ArrowDown');
    await fixture.whenStable();
    expect(down.defaultPrevented).toBeTrue();
    const now = document.activeElement as SVGElement;
    expect(now).not.toBe(start);
    expect(now.getAttribute('tabindex')).toBe('0');
    expect(start.getAttribute('tabindex')).toBe('-1');
    press(now, ' ');
    expect(fixture.componentInstance.toggled.length).toBe(1);
    // Enter is the form's (it saves).
    expect(press(now, 'Enter').defaultPrevented).toBeFalse();
  });

  it('switches to the body regions', async () => {
    const regions = [...element.querySelectorAll<HTMLButtonElement>('app-body-diagram button')].find((b) =>
      b.textContent.includes('Body regions'),
    );
    regions?.click();
    await fixture.whenStable();
    expect(regions?.getAttribute('aria-pressed')).toBe('true');
    expect(checkbox('Low back (midline)')).not.toBeNull();
    expect(checkbox('Left thigh')).not.toBeNull();
  });

  it('read-only: an image with a text alternative, nothing to pick', async () => {
    fixture.componentInstance.selected.set(['left:L5', 'midline:perineum']);
    fixture.componentInstance.readonly.set(true);
    await fixture.whenStable();
    expect(element.querySelectorAll('app-body-diagram [role="checkbox"]').length).toBe(0);
    const image = element.querySelector('app-body-diagram svg[role="img"]');
    expect(image?.getAttribute('aria-label')).toContain('Left L5 dermatome');
    expect(image?.getAttribute('aria-label')).toContain('Perineum / saddle area (midline)');
  });
});

describe('BodyLocationList', () => {
  let fixture: ComponentFixture<Host>;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    element = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.selected.set(['left:L5']);
    await fixture.whenStable();
  });

  it('offers the same choices as labelled checkboxes, in a table per kind', () => {
    const captions = [...element.querySelectorAll('app-body-location-list caption')].map((c) => c.textContent.trim());
    expect(captions).toEqual(['Body regions', 'Dermatomes']);
    const l5 = element.querySelector<HTMLInputElement>('app-body-location-list input[aria-label^="Left L5 dermatome"]');
    expect(l5?.checked).toBeTrue();
    l5?.click();
    expect(fixture.componentInstance.listed).toEqual(['left:L5']);
  });
});
