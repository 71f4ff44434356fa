import {
  BODY_REGIONS,
  BODY_REGION_LABELS,
  type BodyRegion,
  DERMATOMES,
  DERMATOME_TERRITORIES,
  type Dermatome,
  type Side,
} from '@shared/domain/symptoms';

/**
 * The places a nurse can pick for a symptom: body regions and the dermatomes L1-S2, on the patient's
 * left or right (the low back and the saddle area are midline). A zone id is `<side>:<code>`, e.g.
 * `left:L5` or `midline:perineum`. The API stores one side per symptom with its regions and
 * dermatomes; these functions convert between the two.
 */
export type ZoneSide = 'left' | 'right' | 'midline';
export type ZoneKind = 'region' | 'dermatome';
export type ZoneId = `${ZoneSide}:${BodyRegion | Dermatome}`;

export interface BodyZone {
  readonly id: ZoneId;
  readonly side: ZoneSide;
  readonly kind: ZoneKind;
  readonly code: BodyRegion | Dermatome;
  /** Short text for lists, e.g. "L5" or "Thigh". */
  readonly name: string;
  /** Full accessible name, e.g. "Left L5 dermatome: lateral leg, dorsum of foot and big toe". */
  readonly label: string;
}

/** Regions on the body's midline (one zone, no side). */
export const MIDLINE_REGIONS: ReadonlySet<BodyRegion> = new Set<BodyRegion>(['low-back', 'perineum']);

const SIDE_WORD: Readonly<Record<ZoneSide, string>> = { left: 'Left', right: 'Right', midline: '' };

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function regionZone(side: ZoneSide, code: BodyRegion): BodyZone {
  const name = BODY_REGION_LABELS[code];
  const label = side === 'midline' ? `${name} (midline)` : `${SIDE_WORD[side]} ${lowerFirst(name)}`;
  return { id: `${side}:${code}`, side, kind: 'region', code, name, label };
}

function dermatomeZone(side: 'left' | 'right', code: Dermatome): BodyZone {
  return {
    id: `${side}:${code}`,
    side,
    kind: 'dermatome',
    code,
    name: code,
    label: `${SIDE_WORD[side]} ${code} dermatome: ${lowerFirst(DERMATOME_TERRITORIES[code])}`,
  };
}

export const REGION_ZONES: readonly BodyZone[] = BODY_REGIONS.flatMap((code) =>
  MIDLINE_REGIONS.has(code) ? [regionZone('midline', code)] : [regionZone('left', code), regionZone('right', code)],
);

export const DERMATOME_ZONES: readonly BodyZone[] = DERMATOMES.flatMap((code) => [
  dermatomeZone('left', code),
  dermatomeZone('right', code),
]);

export const BODY_ZONES: readonly BodyZone[] = [...REGION_ZONES, ...DERMATOME_ZONES];

const ZONE_INDEX = new Map<string, BodyZone>(BODY_ZONES.map((zone) => [zone.id, zone]));

export function zoneById(id: string): BodyZone | undefined {
  return ZONE_INDEX.get(id);
}

function lateralSides(side: Side | null): ('left' | 'right')[] {
  if (side === 'left') return ['left'];
  if (side === 'right') return ['right'];
  // Bilateral, midline or not given: both legs.
  return ['left', 'right'];
}

/** A stored symptom's location as zones (for the read-only diagram): each region and dermatome on its side(s). */
export function zonesOfLocation(location: {
  readonly side: Side | null;
  readonly regions: readonly BodyRegion[];
  readonly dermatomes: readonly Dermatome[];
}): ZoneId[] {
  const zones: ZoneId[] = [];
  for (const code of location.regions) {
    if (MIDLINE_REGIONS.has(code)) zones.push(`midline:${code}`);
    else for (const side of lateralSides(location.side)) zones.push(`${side}:${code}`);
  }
  for (const code of location.dermatomes) {
    for (const side of lateralSides(location.side)) zones.push(`${side}:${code}`);
  }
  return zones;
}

/**
 * The side the picked zones imply: left or right when all lateral zones are on one side, bilateral
 * when on both, midline when only midline zones are picked; null when nothing is picked.
 */
export function sideOfZones(zones: readonly string[]): Side | null {
  const sides = new Set<ZoneSide>();
  for (const id of zones) {
    const zone = zoneById(id);
    if (zone) sides.add(zone.side);
  }
  if (sides.has('left') && sides.has('right')) return 'bilateral';
  if (sides.has('left')) return 'left';
  if (sides.has('right')) return 'right';
  if (sides.has('midline')) return 'midline';
  return null;
}

/** Regions and dermatomes of the picked zones, in catalogue order, each once (the API's shape). */
export function locationOfZones(zones: readonly string[]): { regions: BodyRegion[]; dermatomes: Dermatome[] } {
  const codes = new Set<string>();
  for (const id of zones) {
    const zone = zoneById(id);
    if (zone) codes.add(zone.code);
  }
  return {
    regions: BODY_REGIONS.filter((code) => codes.has(code)),
    dermatomes: DERMATOMES.filter((code) => codes.has(code)),
  };
}

/** Adds the zone if absent, removes it if present; keeps body order. */
export function toggleZone(zones: readonly string[], id: ZoneId): ZoneId[] {
  const set = new Set(zones);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  return BODY_ZONES.filter((zone) => set.has(zone.id)).map((zone) => zone.id);
}
