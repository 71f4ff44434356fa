import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ApiActivity } from './api-activity';
import { type IdleEnd, IdleService } from './idle';

describe('IdleService', () => {
  const START = Date.UTC(2030, 0, 1, 9, 0, 0);
  let idle: IdleService;
  let activity: ApiActivity;
  let ends: IdleEnd[];
  let keepAlives: number;

  /** Advances the fake clock by whole seconds, one watch tick at a time. */
  function wait(seconds: number): void {
    for (let i = 0; i < seconds; i++) jasmine.clock().tick(1_000);
  }

  function userActs(): void {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
  }

  /** The warning's text once its (lazily loaded) dialog has opened and rendered. */
  async function dialogText(): Promise<string> {
    await idle.whenWarningSettled();
    TestBed.inject(ApplicationRef).tick();
    return document.querySelector('app-idle-warning-dialog')?.textContent ?? '';
  }

  function start(idleTimeoutSeconds = 900, expiresAt = '2030-01-01T21:00:00.000Z'): void {
    activity.noteRequest(Date.now());
    idle.start({ idleTimeoutSeconds, expiresAt });
  }

  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    idle = TestBed.inject(IdleService);
    activity = TestBed.inject(ApiActivity);
    ends = [];
    keepAlives = 0;
    idle.timedOut$.subscribe((end) => ends.push(end));
    idle.keepAliveNeeded$.subscribe(() => {
      keepAlives++;
      // What the keep-alive request does on its way out (apiActivityInterceptor).
      activity.noteRequest(Date.now());
    });
  });

  afterEach(() => {
    idle.stop();
    jasmine.clock().uninstall();
  });

  it('warns 60 seconds before the timeout with a live countdown', async () => {
    start(900);
    wait(839);
    expect(idle.warningShown).toBeFalse();
    wait(1);
    expect(idle.warningShown).toBeTrue();
    expect(await dialogText()).toContain('You will be signed out in 60 seconds');
    wait(10);
    expect(await dialogText()).toContain('You will be signed out in 50 seconds');
    expect(ends).toEqual([]);
  });

  it('signs out at the timeout and stops watching', async () => {
    start(900);
    wait(850);
    expect(await dialogText()).toContain('Are you still there?');
    wait(49);
    expect(ends).toEqual([]);
    wait(1);
    expect(ends).toEqual(['idle']);
    expect(idle.running).toBeFalse();
    expect(idle.warningShown).toBeFalse();
    jasmine.clock().tick(500);
    expect(await dialogText()).toBe('');
  });

  it('warns a third of the timeout ahead when the timeout is short', async () => {
    start(90);
    wait(59);
    expect(idle.warningShown).toBeFalse();
    wait(1);
    expect(idle.warningShown).toBeTrue();
    expect(await dialogText()).toContain('30 seconds');
  });

  it('keeps the session alive while the user is active but sends no requests', () => {
    start(900);
    wait(30);
    userActs();
    wait(29);
    expect(keepAlives).toBe(0);
    wait(1);
    expect(keepAlives).toBe(1);
    // Active for a long time: one keep-alive a minute, never a warning.
    for (let minute = 0; minute < 20; minute++) {
      wait(30);
      userActs();
      wait(30);
    }
    expect(keepAlives).toBe(21);
    expect(idle.warningShown).toBeFalse();
    expect(ends).toEqual([]);
  });

  it('does not keep an inactive session alive', () => {
    start(900);
    wait(600);
    expect(keepAlives).toBe(0);
  });

  it('"Stay signed in" refreshes the session and closes the warning', async () => {
    start(900);
    wait(850);
    expect(idle.warningShown).toBeTrue();
    await dialogText();
    const button = Array.from(document.querySelectorAll<HTMLButtonElement>('app-idle-warning-dialog button')).find(
      (b) => b.textContent.trim() === 'Stay signed in',
    );
    expect(button).toBeDefined();
    button?.click();
    expect(keepAlives).toBe(1);
    expect(idle.warningShown).toBeFalse();
    jasmine.clock().tick(500);
    expect(await dialogText()).toBe('');
    wait(900 - 61);
    expect(ends).toEqual([]);
  });

  it('any activity during the warning counts as staying', () => {
    start(900);
    wait(845);
    expect(idle.warningShown).toBeTrue();
    userActs();
    expect(keepAlives).toBe(1);
    expect(idle.warningShown).toBeFalse();
  });

  it('ignores activity once the server has ended the session', () => {
    start(900);
    wait(900);
    userActs();
    expect(keepAlives).toBe(0);
    expect(ends).toEqual(['idle']);
  });

  it("ends with 'expired' when the session's absolute lifetime runs out", () => {
    start(900, new Date(START + 120_000).toISOString());
    wait(30);
    userActs();
    wait(90);
    expect(ends).toEqual(['expired']);
  });

  it('stop() removes the listeners and the timer', () => {
    start(900);
    idle.stop();
    userActs();
    wait(1000);
    expect(keepAlives).toBe(0);
    expect(ends).toEqual([]);
  });

  it('counts background requests without user activity as idle time', () => {
    start(900);
    for (let i = 0; i < 8; i++) {
      wait(100);
      activity.noteRequest(Date.now());
    }
    expect(ends).toEqual([]);
    // 900 s without a person touching anything: signed out despite the requests.
    wait(100);
    expect(ends).toEqual(['idle']);
  });
});
