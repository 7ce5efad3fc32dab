import { describe, expect, it } from 'vitest';
import { eventTime } from '../../../../src/chat/state/event-time';

describe('eventTime', () => {
  it('prefers created_at, falls back to timestamp seconds, else null', () => {
    expect(eventTime({ created_at: '2024-05-14T09:00:00.000000Z', timestamp: 1 })).toBe(Date.UTC(2024, 4, 14, 9));
    expect(eventTime({ created_at: 'garbage', timestamp: 1473433500 })).toBe(1473433500_000);
    expect(eventTime({})).toBeNull();
  });
});
