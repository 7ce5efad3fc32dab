import { describe, expect, it } from 'vitest';
import { clock, dayLabel } from '../../../src/ui/format-time';

const words = { today: 'Today', yesterday: 'Yesterday' };

describe('dayLabel', () => {
  it('names today and yesterday and dates older days', () => {
    const now = new Date(2024, 4, 14, 10).getTime();
    expect(dayLabel(new Date(2024, 4, 14, 0, 5).getTime(), now, words)).toBe('Today');
    expect(dayLabel(new Date(2024, 4, 13, 23, 59).getTime(), now, words)).toBe('Yesterday');
    const older = dayLabel(new Date(2024, 4, 2).getTime(), now, words);
    expect(older).not.toMatch(/Today|Yesterday|2024/);
    expect(older).toMatch(/2/);
    expect(dayLabel(new Date(2023, 4, 2).getTime(), now, words)).toMatch(/2023/);
  });
});

describe('clock', () => {
  it('says what the locale formatter says for every minute, seconds and all, however many minutes it has seen', () => {
    const format = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
    const start = new Date(2024, 2, 30, 22, 0).getTime();
    for (let i = 0; i < 1500; i++) {
      const ms = start + i * 60_000 + ((i * 7919) % 60_000);
      expect(clock(ms)).toBe(format.format(ms));
    }
    expect(clock(start + 59_999)).toBe(format.format(start));
    expect(clock(start - 1)).toBe(format.format(start - 1));
  });
});
