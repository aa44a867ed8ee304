import { stronglyConnectedComponents } from './stronglyConnectedComponents';

describe('stronglyConnectedComponents', () => {
  it('groups nodes on a cycle and leaves the others alone', () => {
    // 0 -> 1 -> 2 -> 0, 2 -> 3, 4 -> 4
    const { componentOf, componentSizes } = stronglyConnectedComponents([
      [1],
      [2],
      [0, 3],
      [],
      [4],
    ]);
    expect(componentOf[0]).toBe(componentOf[1]);
    expect(componentOf[1]).toBe(componentOf[2]);
    expect(componentOf[3]).not.toBe(componentOf[0]);
    expect(componentSizes[componentOf[0]]).toBe(3);
    expect(componentSizes[componentOf[3]]).toBe(1);
    expect(componentSizes[componentOf[4]]).toBe(1);
  });

  it('handles a chain far deeper than the call stack', () => {
    const n = 200_000;
    const successors = Array.from({ length: n }, (_, i) =>
      i + 1 < n ? [i + 1] : [0],
    );
    const { componentSizes } = stronglyConnectedComponents(successors);
    expect(componentSizes).toEqual([n]);
  });
});
