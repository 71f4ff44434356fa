import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  booleanAttribute,
  computed,
  inject,
  input,
  model,
  output,
  signal,
} from '@angular/core';
import {
  type DiagramLayer,
  type DiagramShape,
  type DiagramView,
  SILHOUETTE,
  VIEW_HEIGHT,
  VIEW_WIDTH,
  focusOrder,
  nextShape,
  shapesFor,
  sideMarks,
  wholeLegPath,
} from './body-shapes';
import { type ZoneId, zoneById } from './body-zones';

let nextId = 0;

const VIEWS: readonly { id: DiagramView; title: string; note: string }[] = [
  { id: 'front', title: 'Front', note: "patient's right on your left" },
  { id: 'back', title: 'Back', note: "patient's left on your left" },
];

/**
 * A schematic lower body, front and back, on which each body region or dermatome (L1-S2, left and
 * right) is a checkbox: click it, or Tab into a view, move with the arrow keys (Up/Down within a leg,
 * Left/Right across) and press Space. Screen readers hear "Left L5 dermatome: lateral leg, dorsum of
 * foot and big toe, checkbox, checked". Read-only, it shows a stored location as an image with a text
 * alternative.
 */
@Component({
  selector: 'app-body-diagram',
  templateUrl: './body-diagram.html',
  styleUrl: './body-diagram.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BodyDiagram {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Picked zone ids (`left:L5`, `midline:perineum`...). */
  readonly selected = input<readonly string[]>([]);
  readonly readonly = input(false, { transform: booleanAttribute });
  /** What the diagram is for, e.g. "Location of symptom 1"; names the group for screen readers. */
  readonly label = input('Location on the body');
  /** Regions or dermatomes; by default dermatomes, or regions when only regions are picked. */
  readonly layer = model<DiagramLayer | null>(null);
  readonly toggled = output<ZoneId>();

  protected readonly id = `body-${String(nextId++)}`;
  protected readonly views = VIEWS;
  protected readonly viewBox = `0 0 ${String(VIEW_WIDTH)} ${String(VIEW_HEIGHT)}`;
  protected readonly silhouette = SILHOUETTE;
  protected readonly hatch = `${this.id}-hatch`;
  protected readonly sideMarks = { front: sideMarks('front'), back: sideMarks('back') };

  protected readonly selectedSet = computed(() => new Set(this.selected()));
  protected readonly shownLayer = computed<DiagramLayer>(() => {
    const chosen = this.layer();
    if (chosen) return chosen;
    const zones = this.selected().map((id) => zoneById(id));
    const onlyRegions = zones.length > 0 && zones.every((zone) => zone?.kind === 'region');
    return onlyRegions ? 'regions' : 'dermatomes';
  });
  /** Whole-leg outlines to highlight (the "whole leg" region has no shape of its own). */
  protected readonly wholeLegs = computed(() =>
    (['left', 'right'] as const).filter((side) => this.selectedSet().has(`${side}:lower-limb`)),
  );
  protected readonly wholeLegPath = wholeLegPath;

  /** The shape of each view that Tab reaches (roving tabindex). */
  private readonly active = signal<Partial<Record<DiagramView, string>>>({});

  /** Text alternative of the read-only diagram, and a summary for the editable one. */
  protected readonly summary = computed(() => {
    const labels = this.selected()
      .map((id) => zoneById(id)?.label)
      .filter((label): label is string => !!label);
    return labels.length ? labels.join('; ') : 'No location marked';
  });

  protected shapes(view: DiagramView): readonly DiagramShape[] {
    return shapesFor(view, this.shownLayer());
  }

  protected tabIndex(view: DiagramView, shape: DiagramShape): number {
    const order = focusOrder(view, this.shownLayer());
    const active = this.active()[view];
    const current = order.find((s) => s.key === active) ?? order.find((s) => this.selectedSet().has(s.zone.id)) ?? order.at(0);
    return current?.key === shape.key ? 0 : -1;
  }

  protected showLayer(layer: DiagramLayer): void {
    this.layer.set(layer);
    this.active.set({});
  }

  protected toggle(shape: DiagramShape): void {
    if (this.readonly()) return;
    this.toggled.emit(shape.zone.id);
  }

  protected focused(view: DiagramView, shape: DiagramShape): void {
    this.active.update((active) => ({ ...active, [view]: shape.key }));
  }

  protected keydown(event: KeyboardEvent, view: DiagramView, shape: DiagramShape): void {
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      this.toggle(shape);
      return;
    }
    const next = nextShape(focusOrder(view, this.shownLayer()), shape, event.key);
    if (!next) return;
    event.preventDefault();
    this.active.update((active) => ({ ...active, [view]: next.key }));
    this.host.nativeElement.querySelector<SVGElement>(`[data-key="${next.key}"]`)?.focus();
  }
}
