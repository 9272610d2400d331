/**
 * Orders of one entity's rows for the settlement's steps (settle.ts), in time n log n or better however many
 * rows the entity has: a company with 20,000 rows costs what 20,000 companies with one row each do.
 */

/**
 * Rows (row numbers, ascending: input order) by year, input order within a year: an insertion sort for the
 * few rows most entities have, else a sort by year and row number, the same order.
 */
export function sortByYear(rows: Int32Array, count: number, year: Float64Array): void {
  let ordered = true;
  let numbers = true;
  for (let k = 0; k < count; k++) {
    if (k > 0 && year[rows[k - 1]] > year[rows[k]]) ordered = false;
    if (Number.isNaN(year[rows[k]])) numbers = false;
  }
  if (ordered) return;
  if (count > 16 && numbers) {
    rows.subarray(0, count).sort((a, b) => year[a] - year[b] || a - b);
    return;
  }
  for (let k = 1; k < count; k++) {
    const row = rows[k];
    let j = k - 1;
    while (j >= 0 && year[rows[j]] > year[row]) {
      rows[j + 1] = rows[j];
      j--;
    }
    rows[j + 1] = row;
  }
}

/**
 * rows[from, to) grouped by project, projects in order of first appearance and rows in their order within
 * each: group g is grouped.rows[ends[g - 1], ends[g]) (ends[0] is 0).
 */
export function groupByProject(rows: Int32Array, from: number, to: number, project: Int32Array): { rows: Int32Array; ends: Int32Array } {
  const groupOf = new Map<number, number>();
  const group = new Int32Array(to - from);
  const sizes: number[] = [];
  for (let k = from; k < to; k++) {
    const p = project[rows[k]];
    let g = groupOf.get(p);
    if (g === undefined) {
      groupOf.set(p, (g = sizes.length));
      sizes.push(0);
    }
    group[k - from] = g;
    sizes[g]++;
  }
  const ends = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) ends[g + 1] = ends[g] + sizes[g];
  const next = ends.slice(0, sizes.length);
  const grouped = new Int32Array(to - from);
  for (let k = from; k < to; k++) grouped[next[group[k - from]]++] = rows[k];
  return { rows: grouped, ends };
}
