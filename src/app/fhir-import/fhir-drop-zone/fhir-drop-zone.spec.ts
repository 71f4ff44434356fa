import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FhirDropZone } from './fhir-drop-zone';

describe('FhirDropZone', () => {
  let fixture: ComponentFixture<FhirDropZone>;
  let chosen: File[];
  let several: number[];

  const root = () => fixture.nativeElement as HTMLElement;
  function find<T extends Element>(selector: string, type: new () => T): T {
    const element = root().querySelector(selector);
    if (!(element instanceof type)) throw new Error(`no ${selector}`);
    return element;
  }
  const zone = () => find('.zone', HTMLElement);

  function dragEvent(type: string, files: File[]): DragEvent {
    const data = new DataTransfer();
    for (const file of files) data.items.add(file);
    return new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(FhirDropZone);
    chosen = [];
    several = [];
    fixture.componentInstance.fileChosen.subscribe((f) => chosen.push(f));
    fixture.componentInstance.severalFiles.subscribe((n) => several.push(n));
    await fixture.whenStable();
  });

  it('offers a focusable file input, accepting JSON, labelled "Choose a FHIR bundle file" by a visible label', () => {
    const input = find('input[type="file"]', HTMLInputElement);
    expect(input.accept).toBe('.json,application/json,application/fhir+json');
    expect(input.tabIndex).toBe(0);
    expect(input.labels?.length).toBe(1);
    expect(input.labels?.[0]?.textContent).toContain('Choose a FHIR bundle file');
    expect(find(`#${input.getAttribute('aria-describedby') ?? ''}`, HTMLElement).textContent).toContain('up to 40 MB');
  });

  it('passes the chosen file on, and lets the same file be chosen again', () => {
    const input = find('input[type="file"]', HTMLInputElement);
    const file = new File(['{}'], 'bundle.json', { type: 'application/json' });
    const data = new DataTransfer();
    data.items.add(file);
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    expect(chosen).toEqual([file]);
    expect(input.value).toBe('');
  });

  it('highlights while a file is dragged over it, and takes the dropped file', async () => {
    const file = new File(['{}'], 'bundle.json', { type: 'application/json' });
    zone().dispatchEvent(dragEvent('dragenter', [file]));
    const over = dragEvent('dragover', [file]);
    zone().dispatchEvent(over);
    expect(over.defaultPrevented).toBeTrue();
    await fixture.whenStable();
    expect(zone().classList).toContain('dragging');
    expect(zone().textContent).toContain('Drop the file to check it');
    const drop = dragEvent('drop', [file]);
    zone().dispatchEvent(drop);
    await fixture.whenStable();
    expect(drop.defaultPrevented).toBeTrue();
    expect(zone().classList).not.toContain('dragging');
    expect(chosen).toEqual([file]);
  });

  it('refuses several files dropped at once', () => {
    zone().dispatchEvent(dragEvent('drop', [new File(['{}'], 'a.json'), new File(['{}'], 'b.json')]));
    expect(chosen).toEqual([]);
    expect(several).toEqual([2]);
  });

  it('shows why the last file was refused', async () => {
    fixture.componentRef.setInput('error', 'big.json is 41.0 MB; bundles of up to 40 MB can be imported.');
    await fixture.whenStable();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('This file cannot be imported. big.json is 41.0 MB');
  });
});
