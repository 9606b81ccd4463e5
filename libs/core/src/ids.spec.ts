import { newId } from './ids';

describe('newId', () => {
  it('gives version 7 UUIDs that increase from one call to the next, also within a millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    expect(ids.filter((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the current time in milliseconds', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const millisecond = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millisecond).toBeGreaterThanOrEqual(before);
    expect(millisecond).toBeLessThanOrEqual(after + 1);
  });
});
