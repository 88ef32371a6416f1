import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './datetime';

describe('isCalendarDate', () => {
  it('holds for days of the calendar only, whatever text it is given', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const text of ['2027-02-29', '2027-13-01', 'next tuesday', '', '2027-1-1', '9999-99-99'])
      expect(isCalendarDate(text)).toBe(false);
  });
});
