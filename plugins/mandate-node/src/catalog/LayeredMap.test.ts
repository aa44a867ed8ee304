import { LayeredMap } from './LayeredMap';

describe('LayeredMap', () => {
  it('reads through to its parent and shadows changed keys without touching the parent', () => {
    const base = new LayeredMap<number>();
    base.set('a', 1);
    base.set('b', 2);
    const child = new LayeredMap(base);
    child.set('b', 20);
    child.set('a', undefined);
    child.set('c', 3);
    expect([child.get('a'), child.get('b'), child.get('c')]).toEqual([
      undefined,
      20,
      3,
    ]);
    expect([base.get('a'), base.get('b'), base.get('c')]).toEqual([
      1,
      2,
      undefined,
    ]);
  });

  it('keeps its contents when a long chain is flattened', () => {
    let map = new LayeredMap<number>();
    map.set('k0', 0);
    for (let i = 1; i < 100; i++) {
      map = new LayeredMap(map);
      map.set(`k${i}`, i);
      if (i % 3 === 0) map.set(`k${i - 1}`, undefined);
    }
    expect(map.get('k0')).toBe(0);
    expect(map.get('k98')).toBe(undefined);
    expect(map.get('k99')).toBe(99);
    expect(map.get('k97')).toBe(97);
  });
});
