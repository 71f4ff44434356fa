import { DERMATOMES } from '@shared/domain/symptoms';
import { focusOrder, nextShape, shapesFor } from './body-shapes';
import { BODY_ZONES, DERMATOME_ZONES, locationOfZones, sideOfZones, toggleZone, zoneById, zonesOfLocation } from './body-zones';

describe('body zones', () => {
  it('has every dermatome L1-S2 on each side, named for screen readers with its territory', () => {
    expect(DERMATOME_ZONES.length).toBe(DERMATOMES.length * 2);
    expect(zoneById('left:L5')?.label).toBe('Left L5 dermatome: lateral leg, dorsum of foot and big toe');
    expect(zoneById('right:S1')?.label).toBe('Right S1 dermatome: lateral foot, sole and little toe');
  });

  it('has the low back and the saddle area on the midline, other regions on each side', () => {
    expect(zoneById('midline:low-back')?.label).toBe('Low back (midline)');
    expect(zoneById('left:low-back')).toBeUndefined();
    expect(zoneById('left:thigh')?.label).toBe('Left thigh');
    expect(new Set(BODY_ZONES.map((zone) => zone.id)).size).toBe(BODY_ZONES.length);
  });

  it('derives the side from the picked zones', () => {
    expect(sideOfZones(['left:L5'])).toBe('left');
    expect(sideOfZones(['right:L5', 'right:thigh'])).toBe('right');
    expect(sideOfZones(['left:L5', 'right:S1'])).toBe('bilateral');
    expect(sideOfZones(['midline:low-back'])).toBe('midline');
    expect(sideOfZones(['midline:low-back', 'left:buttock'])).toBe('left');
    expect(sideOfZones([])).toBeNull();
  });

  it("turns zones into the API's regions and dermatomes, in catalogue order, each once", () => {
    expect(locationOfZones(['right:S1', 'left:L5', 'right:L5', 'midline:low-back', 'left:thigh'])).toEqual({
      regions: ['low-back', 'thigh'],
      dermatomes: ['L5', 'S1'],
    });
  });

  it('shows a stored location on its side, or on both legs when bilateral or not given', () => {
    expect(zonesOfLocation({ side: 'left', regions: [], dermatomes: ['L5'] })).toEqual(['left:L5']);
    expect(zonesOfLocation({ side: 'bilateral', regions: ['thigh'], dermatomes: [] })).toEqual(['left:thigh', 'right:thigh']);
    expect(zonesOfLocation({ side: null, regions: ['perineum'], dermatomes: ['S1'] })).toEqual(['midline:perineum', 'left:S1', 'right:S1']);
  });

  it('toggles a zone in and out, keeping body order', () => {
    const once = toggleZone(['left:S1'], 'left:L5');
    expect(once).toEqual(['left:L5', 'left:S1']);
    expect(toggleZone(once, 'left:L5')).toEqual(['left:S1']);
  });
});

describe('body shapes', () => {
  it('makes each zone focusable once across the two views', () => {
    for (const layer of ['regions', 'dermatomes'] as const) {
      const focusable = [...focusOrder('front', layer), ...focusOrder('back', layer)].map((shape) => shape.zone.id);
      expect(new Set(focusable).size).withContext(layer).toBe(focusable.length);
    }
    const dermatomes = [...focusOrder('front', 'dermatomes'), ...focusOrder('back', 'dermatomes')].map((shape) => shape.zone.id).sort();
    expect(dermatomes).toEqual(DERMATOME_ZONES.map((zone) => zone.id).sort());
  });

  it('draws the patient’s right leg on the viewer’s left in the front view, and the other way round at the back', () => {
    const front = shapesFor('front', 'dermatomes').find((shape) => shape.zone.id === 'right:L5');
    const back = shapesFor('back', 'dermatomes').find((shape) => shape.zone.id === 'right:S1');
    expect(front?.column).toBe(0);
    expect(back?.column).toBe(2);
  });

  it('moves with the arrow keys: down the leg, across to the same dermatome on the other leg', () => {
    const order = focusOrder('front', 'dermatomes');
    const rightL4 = order.find((shape) => shape.zone.id === 'right:L4');
    expect(rightL4).toBeDefined();
    if (!rightL4) return;
    expect(nextShape(order, rightL4, 'ArrowDown')?.zone.id).toBe('right:L5');
    expect(nextShape(order, rightL4, 'ArrowUp')?.zone.id).toBe('right:L3');
    expect(nextShape(order, rightL4, 'ArrowRight')?.zone.id).toBe('left:L4');
    expect(nextShape(order, rightL4, 'ArrowLeft')).toBeNull();
    expect(nextShape(order, rightL4, 'Home')?.zone.id).toBe(order[0].zone.id);
    expect(nextShape(order, rightL4, 'Tab')).toBeNull();
  });
});
