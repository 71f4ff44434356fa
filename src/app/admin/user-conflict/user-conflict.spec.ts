import { TestBed } from '@angular/core/testing';
import { aUserSummary } from '../admin-fixtures';
import { UserConflict, userDifferences } from './user-conflict';

describe('UserConflict', () => {
  const seen = aUserSummary({ username: 'zoe', displayName: 'Zoe Park', role: 'nurse', active: true, mustChangePassword: false });

  it('lists the fields that differ, in words', () => {
    expect(
      userDifferences(seen, { ...seen, role: 'manager', active: false, mustChangePassword: true, displayName: 'Zoe Park-Lee' }),
    ).toEqual([
      { field: 'Name', was: 'Zoe Park', now: 'Zoe Park-Lee' },
      { field: 'Role', was: 'Nurse', now: 'Manager' },
      { field: 'Status', was: 'Active', now: 'Inactive' },
      { field: 'Must change password', was: 'No', now: 'Yes' },
    ]);
    expect(userDifferences(seen, { ...seen, version: seen.version + 1 })).toEqual([]);
  });

  it('says when nothing visible changed, and who changed it when unknown', async () => {
    const fixture = TestBed.createComponent(UserConflict);
    fixture.componentRef.setInput('seen', seen);
    fixture.componentRef.setInput('current', { ...seen, version: 9 });
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent;
    expect(text).toContain('the record was changed in another way');
    expect(text).not.toContain('Changed by');
  });
});
