import { TestBed } from '@angular/core/testing';
import { aCase } from '../case-fixtures';
import { ReferralCard } from './referral-card';

describe('ReferralCard', () => {
  it('shows referral episodes and the surgeries in the order they happened, the index one marked', async () => {
    const base = aCase();
    const patient = aCase({
      referrals: [
        { ...base.referrals[0], id: 'r2', referredOn: '2025-09-01', referringClinician: 'Dr New', priority: 'urgent' },
        { ...base.referrals[0], id: 'r1', referredOn: '2025-03-01', status: 'completed' },
      ],
      surgeries: [
        { ...base.surgeries[0], id: 's2', performedOn: '2024-11-20', isIndex: true },
        {
          ...base.surgeries[0],
          id: 's1',
          procedure: 'MICRODISCECTOMY',
          levels: ['L5-S1'],
          performedOn: '2019-02-03',
          isIndex: false,
          instrumentation: null,
        },
      ],
    });
    const fixture = TestBed.createComponent(ReferralCard);
    fixture.componentRef.setInput('patient', patient);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const text = element.textContent.replace(/\s+/g, ' ');
    expect(text).toContain('Referrals (2 episodes, newest first)');
    expect(text).toContain('Episode 2 · Active');
    expect(text.indexOf('Dr New')).toBeLessThan(text.indexOf('Mr Orth Surgeon'));
    const surgeries = [...element.querySelectorAll('li.surgery')].map((li) => li.textContent.replace(/\s+/g, ' '));
    expect(surgeries[0]).toContain('Microdiscectomy');
    expect(surgeries[0]).toContain('3 Feb 2019');
    expect(surgeries[0]).toContain('None recorded');
    expect(surgeries[1]).toContain('Index surgery');
    expect(surgeries[1]).toContain('L4/L5, L5/S1');
  });
});
