// The crash tests' kill points (test/vault/crash-*.test.ts): the named points a run reached, as its child printed
// them ("POINT N"), and a seeded, stratified draw of some of them.

export interface KillPoint<P extends string = string> {
  point: P;
  n: number;
}

export const label = (k: KillPoint) => `${k.point} ${k.n}`;

/** The "POINT N" lines of a child's trace, in order (its other lines left out). */
export function pointsReached<P extends string>(trace: string[], names: readonly P[]): KillPoint<P>[] {
  return trace.flatMap((line) => {
    const [point, n, ...rest] = line.split(' ');
    return rest.length === 0 && names.includes(point as P) && /^\d+$/.test(n ?? '') ? [{ point: point as P, n: Number(n) }] : [];
  });
}

/**
 * Of each kind of point, up to `k` of the occurrences reached, one drawn from each of `k` equal strata (all of
 * them when there are no more), returned in the order the run reached them.
 */
export function drawKillPoints<P extends string>(reached: KillPoint<P>[], k: (point: P) => number, random: () => number): KillPoint<P>[] {
  const kinds = [...new Set(reached.map((r) => r.point))];
  const drawn = new Set(
    kinds.flatMap((point) => {
      const all = reached.filter((r) => r.point === point);
      const want = k(point);
      if (all.length <= want) return all;
      return Array.from({ length: want }, (_, i) => {
        const [from, to] = [Math.floor((all.length * i) / want), Math.floor((all.length * (i + 1)) / want)];
        return all[from + Math.floor(random() * (to - from))]!;
      });
    }),
  );
  return reached.filter((r) => drawn.has(r));
}
