import { TestBed } from '@angular/core/testing';
import { FileSaver, filenameFromContentDisposition } from './save-file';

describe('filenameFromContentDisposition', () => {
  it('reads quoted, plain and RFC 5987 names, preferring filename*', () => {
    expect(filenameFromContentDisposition('attachment; filename="fbss-A1-2025-06-01.fhir.json"')).toBe('fbss-A1-2025-06-01.fhir.json');
    expect(filenameFromContentDisposition('attachment; filename=plain.json')).toBe('plain.json');
    expect(filenameFromContentDisposition(`attachment; filename="fallback.json"; filename*=UTF-8''M%C3%BCller.fhir.json`)).toBe(
      'Müller.fhir.json',
    );
  });

  it('drops folders and control characters, and gives null without a name', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromContentDisposition('attachment; filename="a\\\\b.json"')).toBe('b.json');
    expect(filenameFromContentDisposition('attachment; filename=".."')).toBeNull();
    expect(filenameFromContentDisposition('attachment')).toBeNull();
    expect(filenameFromContentDisposition(null)).toBeNull();
  });
});

describe('FileSaver', () => {
  it('clicks a temporary download link for an object URL', () => {
    const saver = TestBed.inject(FileSaver);
    spyOn(URL, 'createObjectURL').and.returnValue('blob:x');
    const click = spyOn(HTMLAnchorElement.prototype, 'click');
    saver.save(new Blob(['{}']), 'fbss-A1.fhir.json');
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.calls.mostRecent().object as unknown as HTMLAnchorElement;
    expect(link.download).toBe('fbss-A1.fhir.json');
    expect(link.href).toBe('blob:x');
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
