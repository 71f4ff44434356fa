import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CauseStatus } from '@shared/domain/causes';
import { CauseChip } from './cause-chip';

@Component({
  imports: [CauseChip],
  template: `<app-cause-chip [code]="code()" [status]="status()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly code = signal('POST-PSA');
  readonly status = signal<CauseStatus>('provisional');
}

describe('CauseChip', () => {
  async function render(): Promise<{ host: Host; chip: HTMLElement }> {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const chip = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('app-cause-chip');
    if (!chip) throw new Error('no chip');
    return { host: fixture.componentInstance, chip };
  }

  it("shows the catalogue's short name and the verification status", async () => {
    const { chip } = await render();
    expect(chip.querySelector('.name')?.textContent).toBe('Pseudarthrosis');
    expect(chip.querySelector('.status')?.textContent).toBe('Provisional');
    expect(chip.querySelector('.visually-hidden')?.textContent).toBe('Pseudarthrosis / nonunion: Provisional');
    expect(chip.title).toBe('Pseudarthrosis / nonunion (POST-PSA): Provisional');
  });

  it('styles each status differently', async () => {
    const { host, chip } = await render();
    expect(chip.classList).toContain('cause-chip-provisional');
    host.status.set('confirmed');
    TestBed.tick();
    expect(chip.classList).toContain('cause-chip-confirmed');
    expect(chip.querySelector('.status')?.textContent).toBe('Confirmed');
  });

  it('falls back to the code for a cause the catalogue does not know', async () => {
    const { host, chip } = await render();
    host.code.set('X-NEW');
    TestBed.tick();
    expect(chip.querySelector('.name')?.textContent).toBe('X-NEW');
  });
});
