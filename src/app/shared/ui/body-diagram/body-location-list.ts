import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  BODY_REGIONS,
  BODY_REGION_LABELS,
  type BodyRegion,
  DERMATOMES,
  DERMATOME_TERRITORIES,
  type Dermatome,
} from '@shared/domain/symptoms';
import { type BodyZone, MIDLINE_REGIONS, type ZoneId, zoneById } from './body-zones';

interface LocationRow {
  readonly code: BodyRegion | Dermatome;
  readonly title: string;
  readonly detail: string | null;
  /** Left and right, or the one midline zone. */
  readonly zones: readonly BodyZone[];
  readonly midline: boolean;
}

function row(code: BodyRegion | Dermatome, title: string, detail: string | null, midline: boolean): LocationRow {
  const ids: ZoneId[] = midline ? [`midline:${code}`] : [`left:${code}`, `right:${code}`];
  return { code, title, detail, midline, zones: ids.map((id) => zoneById(id)).filter((zone): zone is BodyZone => !!zone) };
}

const REGION_ROWS: readonly LocationRow[] = BODY_REGIONS.map((code) =>
  row(code, BODY_REGION_LABELS[code], null, MIDLINE_REGIONS.has(code)),
);
const DERMATOME_ROWS: readonly LocationRow[] = DERMATOMES.map((code) => row(code, code, DERMATOME_TERRITORIES[code], false));

/** The body diagram's choices as a list: a row per region or dermatome, a checkbox per side. */
@Component({
  selector: 'app-body-location-list',
  imports: [MatCheckbox],
  templateUrl: './body-location-list.html',
  styleUrl: './body-location-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BodyLocationList {
  readonly selected = input<readonly string[]>([]);
  readonly toggled = output<ZoneId>();

  protected readonly tables = [
    { caption: 'Body regions', heading: 'Region', rows: REGION_ROWS },
    { caption: 'Dermatomes', heading: 'Dermatome', rows: DERMATOME_ROWS },
  ];
  protected readonly selectedSet = computed(() => new Set(this.selected()));
}
