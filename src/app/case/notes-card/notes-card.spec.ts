import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { NURSE_ID, SPECIALIST_ID, aNote } from '../case-fixtures';
import { IDLE_OPERATION } from '../operation';
import { NotesCard } from './notes-card';

describe('NotesCard', () => {
  let fixture: ComponentFixture<NotesCard>;
  let loader: HarnessLoader;
  const mine = aNote({ body: 'MDT: consider SCS trial.', authorId: SPECIALIST_ID, writtenAt: '2025-04-02T14:05:00.000Z' });
  const theirs = aNote({ body: 'Seen by nurse.', authorId: NURSE_ID, authorName: 'Gwen Jones' });
  const retracted = aNote({ body: 'Wrong patient note', enteredInError: true, enteredInErrorReason: 'Wrong patient' });

  async function render(canWrite = true): Promise<void> {
    fixture = TestBed.createComponent(NotesCard);
    fixture.componentRef.setInput('notes', [mine, theirs, retracted]);
    fixture.componentRef.setInput('canWrite', canWrite);
    fixture.componentRef.setInput('userId', SPECIALIST_ID);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  it('lists notes with author and time; one entered in error is struck through with its reason', async () => {
    await render();
    const items = element().querySelectorAll('li.note');
    expect(items.length).toBe(3);
    expect(items[0].textContent).toContain('Dr Wei Chen');
    expect(items[0].textContent).toContain('2 Apr 2025');
    expect(items[2].querySelector('s')?.textContent).toBe('Wrong patient note');
    expect(items[2].textContent).toContain('Reason: Wrong patient');
  });

  it('saves a new note with an Idempotency-Key and clears the form once saved', async () => {
    await render();
    const added: { body: string; idempotencyKey: string }[] = [];
    fixture.componentInstance.add.subscribe((event) => added.push(event));
    const body = await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save note' }))).click();
    expect(added).toEqual([]);
    expect(element().textContent).toContain('Write the note');
    await body.setValue('Reviewed imaging. ');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save note' }))).click();
    expect(added[0]?.body).toBe('Reviewed imaging.');
    fixture.componentRef.setInput('addOperation', { ...IDLE_OPERATION, saved: 1 });
    await fixture.whenStable();
    expect(await body.getValue()).toBe('');
  });

  it('lets authors mark their own notes entered in error, with a reason', async () => {
    await render();
    const retractions: unknown[] = [];
    fixture.componentInstance.enteredInError.subscribe((event) => retractions.push(event));
    const buttons = await loader.getAllHarnesses(MatButtonHarness.with({ text: /^Mark entered in error/ }));
    expect(buttons.length).toBe(1);
    await buttons[0]?.click();
    await (await loader.getHarness(MatInputHarness.with({ selector: '.retract input' }))).setValue('Wrong patient');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Mark entered in error' }))).click();
    expect(retractions).toEqual([{ noteId: mine.id, body: { version: 1, reason: 'Wrong patient' } }]);
  });

  it('is read-only for readers', async () => {
    await render(false);
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
    expect(element().querySelector('textarea')).toBeNull();
  });
});
