import type { BodyRegion, Dermatome } from '@shared/domain/symptoms';
import { type BodyZone, type ZoneSide, zoneById } from './body-zones';

/**
 * Geometry of the schematic lower body (waist to feet) drawn in a 220 x 420 box, front and back.
 * Shapes are approximate: dermatome boundaries vary between people and the diagram says so.
 * In the front view the patient's right leg is on the viewer's left; in the back view it is on the right.
 */
export type DiagramView = 'front' | 'back';
export type DiagramLayer = 'regions' | 'dermatomes';

export const VIEW_WIDTH = 220;
export const VIEW_HEIGHT = 420;

export interface DiagramShape {
  readonly key: string;
  readonly zone: BodyZone;
  /** SVG path data. */
  readonly d: string;
  /**
   * The zone's one focusable shape (role checkbox). A zone drawn in both views (the thigh, front and
   * back) is focusable in one of them only; the other copy is clickable but hidden from assistive
   * technology, so each zone is announced once.
   */
  readonly primary: boolean;
  /** Column for arrow-key navigation: 0 viewer's left leg, 1 midline, 2 viewer's right leg. */
  readonly column: 0 | 1 | 2;
  /** Top edge, for ordering within a column. */
  readonly top: number;
}

/** [x, y], except in the leg edges OUTER and INNER, which are [y, x]. */
type Point = readonly [number, number];

// Leg edges of the viewer's left leg, as [y, x] from the hip line to the sole; the other leg is mirrored.
const OUTER: readonly Point[] = [
  [88, 38],
  [130, 44],
  [230, 60],
  [300, 62],
  [370, 76],
  [388, 66],
  [405, 66],
];
const INNER: readonly Point[] = [
  [88, 110],
  [128, 108],
  [230, 100],
  [300, 100],
  [370, 96],
  [388, 104],
  [405, 102],
];

function edgeAt(edge: readonly Point[], y: number): number {
  for (let i = 1; i < edge.length; i++) {
    const [y0, x0] = edge[i - 1];
    const [y1, x1] = edge[i];
    if (y <= y1) return x0 + ((x1 - x0) * (y - y0)) / (y1 - y0);
  }
  return edge[edge.length - 1][1];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function pathOf(points: readonly Point[], mirror: boolean): string {
  return (
    points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${String(round(mirror ? VIEW_WIDTH - x : x))},${String(round(y))}`).join(' ') + ' Z'
  );
}

/**
 * A band of the leg between heights y1 and y2, across from `f1` to `f2` of its width
 * (0 = outer edge, 1 = inner edge), following the leg's outline.
 */
function band(y1: number, y2: number, f1 = 0, f2 = 1): Point[] {
  const ys = [y1, ...[...OUTER, ...INNER].map(([y]) => y).filter((y) => y > y1 && y < y2), y2];
  const unique = [...new Set(ys)].sort((a, b) => a - b);
  const at = (y: number, f: number): Point => {
    const outer = edgeAt(OUTER, y);
    const inner = edgeAt(INNER, y);
    return [outer + (inner - outer) * f, y];
  };
  return [...unique.map((y) => at(y, f1)), ...[...unique].reverse().map((y) => at(y, f2))];
}

const TORSO: Point[] = [
  [58, 20],
  [162, 20],
  [182, 88],
  [38, 88],
];

/** One leg's parts of a zone: polygons in the viewer's-left-leg frame (mirrored for the other leg). */
type Parts = readonly (readonly Point[])[];

interface LegZoneSpec {
  readonly code: BodyRegion | Dermatome;
  readonly parts: Parts;
  readonly primary: boolean;
}

interface MidlineZoneSpec {
  readonly code: BodyRegion;
  readonly parts: Parts;
}

const FRONT_REGIONS: readonly LegZoneSpec[] = [
  { code: 'groin', parts: [band(88, 128, 0.45, 1)], primary: true },
  { code: 'thigh', parts: [band(88, 128, 0, 0.45), band(128, 230)], primary: true },
  { code: 'lower-leg', parts: [band(230, 370)], primary: true },
  { code: 'foot', parts: [band(370, 405)], primary: true },
];

const BACK_REGIONS: readonly LegZoneSpec[] = [
  {
    code: 'buttock',
    parts: [
      [
        [48, 60],
        [109, 60],
        [109, 104],
        [107, 132],
        [44, 132],
        [38, 88],
      ],
    ],
    primary: true,
  },
  { code: 'thigh', parts: [band(132, 230)], primary: false },
  { code: 'lower-leg', parts: [band(230, 370)], primary: false },
  { code: 'foot', parts: [band(370, 405)], primary: false },
];

const BACK_MIDLINE_REGIONS: readonly MidlineZoneSpec[] = [
  {
    code: 'low-back',
    parts: [
      [
        [58, 20],
        [162, 20],
        [172, 58],
        [48, 58],
      ],
    ],
  },
  {
    code: 'perineum',
    parts: [
      [
        [104, 100],
        [116, 100],
        [114, 134],
        [106, 134],
      ],
    ],
  },
];

const FRONT_DERMATOMES: readonly LegZoneSpec[] = [
  { code: 'L1', parts: [band(88, 122, 0.3, 1)], primary: true },
  { code: 'L2', parts: [band(88, 122, 0, 0.3), band(122, 175)], primary: true },
  { code: 'L3', parts: [band(175, 250)], primary: true },
  { code: 'L4', parts: [band(250, 388, 0.5, 1)], primary: true },
  { code: 'L5', parts: [band(250, 370, 0, 0.5), band(370, 405, 0.3, 1)], primary: true },
  { code: 'S1', parts: [band(370, 405, 0, 0.3)], primary: false },
];

const BACK_DERMATOMES: readonly LegZoneSpec[] = [
  {
    code: 'L1',
    parts: [
      [
        [48, 60],
        [109, 60],
        [109, 72],
        [45, 72],
      ],
    ],
    primary: false,
  },
  {
    code: 'L2',
    parts: [
      [
        [45, 72],
        [109, 72],
        [109, 86],
        [41, 86],
      ],
    ],
    primary: false,
  },
  {
    code: 'L3',
    parts: [
      [
        [41, 86],
        [109, 86],
        [109, 100],
        [39, 100],
      ],
    ],
    primary: false,
  },
  { code: 'S2', parts: [band(128, 262, 0.25, 0.75)], primary: true },
  { code: 'S1', parts: [band(262, 370, 0, 0.6), band(370, 405)], primary: true },
  { code: 'L4', parts: [band(262, 370, 0.6, 1)], primary: false },
];

/** The patient's side drawn on the viewer's left in each view. */
const VIEWER_LEFT: Readonly<Record<DiagramView, 'left' | 'right'>> = { front: 'right', back: 'left' };

function legShapes(view: DiagramView, specs: readonly LegZoneSpec[]): DiagramShape[] {
  const shapes: DiagramShape[] = [];
  for (const side of ['left', 'right'] as const) {
    const mirror = VIEWER_LEFT[view] !== side;
    for (const spec of specs) {
      const zone = zoneById(`${side}:${spec.code}`);
      if (!zone) continue;
      shapes.push({
        key: `${view}:${zone.id}`,
        zone,
        d: spec.parts.map((part) => pathOf(part, mirror)).join(' '),
        primary: spec.primary,
        column: mirror ? 2 : 0,
        top: Math.min(...spec.parts.flatMap((part) => part.map(([, y]) => y))),
      });
    }
  }
  return shapes;
}

function midlineShapes(view: DiagramView, specs: readonly MidlineZoneSpec[]): DiagramShape[] {
  return specs.flatMap((spec) => {
    const zone = zoneById(`midline:${spec.code}`);
    if (!zone) return [];
    return [
      {
        key: `${view}:${zone.id}`,
        zone,
        d: spec.parts.map((part) => pathOf(part, false)).join(' '),
        primary: true,
        column: 1 as const,
        top: Math.min(...spec.parts.flatMap((part) => part.map(([, y]) => y))),
      },
    ];
  });
}

function silhouette(): string {
  const leg = band(88, 405);
  return [pathOf(TORSO, false), pathOf(leg, false), pathOf(leg, true)].join(' ');
}

/** The body's outline (drawn under the zones). */
export const SILHOUETTE = silhouette();

/** The outline of one whole leg ("whole leg" region, chosen from the list). */
export function wholeLegPath(view: DiagramView, side: 'left' | 'right'): string {
  return pathOf(band(88, 405), VIEWER_LEFT[view] !== side);
}

/** Where the side letters go (under each foot). */
export function sideMarks(view: DiagramView): { x: number; text: 'L' | 'R'; word: 'Left' | 'Right' }[] {
  const left = VIEWER_LEFT[view];
  const word = (side: 'left' | 'right') => (side === 'left' ? 'Left' : 'Right');
  const other = left === 'left' ? 'right' : 'left';
  return [
    { x: 84, text: left === 'left' ? 'L' : 'R', word: word(left) },
    { x: VIEW_WIDTH - 84, text: other === 'left' ? 'L' : 'R', word: word(other) },
  ];
}

const SHAPES: Readonly<Record<DiagramView, Readonly<Record<DiagramLayer, readonly DiagramShape[]>>>> = {
  front: {
    regions: legShapes('front', FRONT_REGIONS),
    dermatomes: legShapes('front', FRONT_DERMATOMES),
  },
  back: {
    regions: [...legShapes('back', BACK_REGIONS), ...midlineShapes('back', BACK_MIDLINE_REGIONS)],
    dermatomes: legShapes('back', BACK_DERMATOMES),
  },
};

export function shapesFor(view: DiagramView, layer: DiagramLayer): readonly DiagramShape[] {
  return SHAPES[view][layer];
}

/** The focusable shapes of a view in keyboard order: column by column, top to bottom. */
export function focusOrder(view: DiagramView, layer: DiagramLayer): DiagramShape[] {
  return shapesFor(view, layer)
    .filter((shape) => shape.primary)
    .sort((a, b) => a.column - b.column || a.top - b.top);
}

/** Which side of the body a zone is drawn on in a view, for screen-reader text ("Left", "Right", "Midline"). */
export function sideWord(side: ZoneSide): string {
  return side === 'midline' ? 'Midline' : side === 'left' ? 'Left' : 'Right';
}

/**
 * The shape an arrow key moves to: Up/Down the previous/next in keyboard order, Left/Right the nearest
 * shape (by height) in the column to that side, Home/End the first/last. Null for other keys or when
 * there is nowhere to go.
 */
export function nextShape(order: readonly DiagramShape[], current: DiagramShape, key: string): DiagramShape | null {
  const index = order.findIndex((shape) => shape.key === current.key);
  switch (key) {
    case 'ArrowDown':
      return order[index + 1] ?? null;
    case 'ArrowUp':
      return index > 0 ? order[index - 1] : null;
    case 'Home':
      return order[0] ?? null;
    case 'End':
      return order[order.length - 1] ?? null;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let column = current.column + step; column >= 0 && column <= 2; column += step) {
        const candidates = order.filter((shape) => shape.column === column);
        if (candidates.length === 0) continue;
        const same = candidates.find((shape) => shape.zone.code === current.zone.code);
        if (same) return same;
        return candidates.reduce((best, shape) => (Math.abs(shape.top - current.top) < Math.abs(best.top - current.top) ? shape : best));
      }
      return null;
    }
    default:
      return null;
  }
}
