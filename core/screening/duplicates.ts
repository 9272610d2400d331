/**
 * Duplicate rows for the engine (SCREENING.md: "Rows identical in every cell that is read are duplicates: the
 * first is screened, each later one is error duplicate_row naming the first"), found in time linear in the
 * rows whatever their shape: one company with 20,000 rows costs what 20,000 companies do.
 *
 * Two rows are identical when they are in the same group — the same code cell (as the engine keys it), the
 * same measure and year as read, tables of the same layout — and their signatures (read-row.ts: the cells
 * read, each as `signaturePart` shows it) are equal. Rows are first grouped by a hash of the group; while a
 * group holds a few distinct rows a new one is compared with each, and past a few its rows are hashed by
 * their cells, so a batch of small groups hashes no cells and a large group costs one hash a row. Rows whose
 * hashes meet are compared in full: a collision never makes a duplicate. Equality is an equivalence, so of
 * the earlier rows that are not themselves duplicates at most one is identical to a row: the first.
 */
import { SignatureLayout, rowSignature, signaturePart } from "./read-row";

/** Where the index reads a row's cells and the columns its table reads. */
export interface DuplicateSource {
  cells(row: number): readonly unknown[];
  signature(row: number): SignatureLayout;
}

/** The group of a row: only rows of one group can be identical. */
export interface DuplicateGroup {
  /** The code cell as the engine keys it (0 for a cell that is not text or a number). */
  entityPart: number;
  measure: number;
  /** NaN equals NaN here. */
  year: number;
  /** The table's layout (its signature's prefix, numbered). */
  layout: number;
}

const NONE = -1;

/** Rows chained by a 32-bit key: a bucket's first row, each row's next and key. */
class Chains {
  private buckets: Int32Array;
  private mask: number;
  private count = 0;
  readonly next: Int32Array;
  readonly key: Int32Array;

  constructor(rows: number) {
    this.next = new Int32Array(rows);
    this.key = new Int32Array(rows);
    this.buckets = new Int32Array(1024).fill(NONE);
    this.mask = 1023;
  }

  first(key: number): number {
    return this.buckets[key & this.mask];
  }

  add(row: number, key: number): void {
    this.key[row] = key;
    const b = key & this.mask;
    this.next[row] = this.buckets[b];
    this.buckets[b] = row;
    if (++this.count > this.buckets.length) this.grow();
  }

  /** Twice the buckets, the chains rebuilt from the rows' keys (each chain keeps its order). */
  private grow(): void {
    const old = this.buckets;
    this.buckets = new Int32Array(old.length * 2).fill(NONE);
    this.mask = this.buckets.length - 1;
    const tails = new Int32Array(this.buckets.length).fill(NONE);
    for (let b = 0; b < old.length; b++) {
      for (let row = old[b]; row !== NONE;) {
        const following = this.next[row];
        const nb = this.key[row] & this.mask;
        this.next[row] = NONE;
        if (tails[nb] === NONE) this.buckets[nb] = row;
        else this.next[tails[nb]] = row;
        tails[nb] = row;
        row = following;
      }
    }
  }
}

/** FNV-1a over UTF-16 code units, one code unit at a time: a function of the characters alone. */
function hashText(hash: number, text: string): number {
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}

/** Murmur3's finaliser: every bit of the input moves the low bits that pick a bucket. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

const SCRATCH = new Float64Array(1);
const SCRATCH_WORDS = new Int32Array(SCRATCH.buffer);

function hashGroup(group: DuplicateGroup): number {
  const { year } = group;
  let yearHash: number;
  if (year !== year) yearHash = 0x7ff80000;
  else if ((year | 0) === year) yearHash = year | 0;
  else {
    SCRATCH[0] = year + 0; // -0 is 0 here, as === says
    yearHash = SCRATCH_WORDS[0] ^ Math.imul(SCRATCH_WORDS[1], 0x9e3779b1);
  }
  let hash = mix(group.entityPart ^ 0x2545f491);
  hash = mix(hash ^ Math.imul(group.measure + 1, 0x9e3779b1));
  hash = mix(hash ^ yearHash);
  return mix(hash ^ Math.imul(group.layout + 1, 0x85ebca6b));
}

/**
 * Whether two rows' signatures are equal (tables of one layout: the same prefix): part by part, as the
 * whole strings would compare (a difference usually shows in the first parts).
 */
export function sameSignature(a: SignatureLayout, rowA: readonly unknown[], b: SignatureLayout, rowB: readonly unknown[]): boolean {
  if (a.prefix !== b.prefix) return false;
  // The same fields in the same order: the k-th column of each table holds the same field.
  const columnsA = a.columns;
  const columnsB = b.columns;
  for (let k = 0; k < columnsA.length; k++) {
    const partA = signaturePart(rowA[columnsA[k]]);
    const partB = signaturePart(rowB[columnsB[k]]);
    // A part holding the separator could make different parts join alike: the whole strings then.
    if (partA.includes("\u0001") || partB.includes("\u0001")) return rowSignature(a, rowA) === rowSignature(b, rowB);
    if (partA !== partB) return false;
  }
  return true;
}

/**
 * The hash of a row's signature after its prefix: its parts and the separators between them, character by
 * character, so that equal signatures hash alike however their parts split.
 */
export function signatureHash(layout: SignatureLayout, cells: readonly unknown[]): number {
  let hash = 0x811c9dc5 | 0;
  const { columns } = layout;
  for (let k = 0; k < columns.length; k++) {
    if (k > 0) hash = Math.imul(hash ^ 1, 0x01000193);
    const cell = cells[columns[k]];
    if (cell === null || cell === undefined) continue;
    hash = hashText(hash, typeof cell === "string" ? cell : signaturePart(cell));
  }
  return mix(hash);
}

/** Distinct rows a group holds before they are hashed (until then a new row is compared with each). */
const FEW = 8;
const HASHED = -1;

/** The rows seen so far that are not duplicates, by group and by signature. */
export class DuplicateIndex {
  private readonly source: DuplicateSource;
  /** One row a group: its first. */
  private readonly groups: Chains;
  /** By a group's first row: its distinct rows so far while there are few, else HASHED. */
  private readonly members: Int32Array;
  /** A group's distinct rows while there are few, from its first. */
  private readonly nextMember: Int32Array;
  /** Rows of groups that have had more than a few, by their group's and signature's hash together. */
  private signatures: Chains | null = null;
  private readonly rows: number;
  private readonly group: { entityPart: Int32Array; measure: Int16Array; year: Float64Array; layout: Int32Array };
  /** Full comparisons of two rows' cells made so far (for tests: a few a group, then about one a duplicate). */
  comparisons = 0;
  /** Rows whose cells were hashed so far. */
  hashedRows = 0;

  constructor(rows: number, source: DuplicateSource) {
    this.source = source;
    this.groups = new Chains(rows);
    this.members = new Int32Array(rows);
    this.nextMember = new Int32Array(rows);
    this.rows = rows;
    this.group = {
      entityPart: new Int32Array(rows),
      measure: new Int16Array(rows),
      year: new Float64Array(rows),
      layout: new Int32Array(rows),
    };
  }

  private sameGroup(row: number, group: DuplicateGroup): boolean {
    const g = this.group;
    const year = g.year[row];
    return (
      g.entityPart[row] === group.entityPart &&
      g.measure[row] === group.measure &&
      (year === group.year || (year !== year && group.year !== group.year)) &&
      g.layout[row] === group.layout
    );
  }

  private same(row: number, cells: readonly unknown[], layout: SignatureLayout, other: number): boolean {
    this.comparisons++;
    return sameSignature(layout, cells, this.source.signature(other), this.source.cells(other));
  }

  private keyOf(groupHash: number, row: number): number {
    this.hashedRows++;
    return mix(groupHash ^ Math.imul(signatureHash(this.source.signature(row), this.source.cells(row)), 0x9e3779b1));
  }

  /** The first row of the row's group so far, or -1. */
  private firstOfGroup(groupHash: number, group: DuplicateGroup): number {
    for (let other = this.groups.first(groupHash); other !== NONE; other = this.groups.next[other]) {
      if (this.groups.key[other] === groupHash && this.sameGroup(other, group)) return other;
    }
    return NONE;
  }

  /**
   * The earlier row identical to `row`, or -1: then `row` is the first of its kind and is remembered. Rows
   * must come in order, each once.
   */
  firstOf(row: number, group: DuplicateGroup): number {
    const g = this.group;
    g.entityPart[row] = group.entityPart;
    g.measure[row] = group.measure;
    g.year[row] = group.year;
    g.layout[row] = group.layout;
    const groupHash = hashGroup(group);
    const first = this.firstOfGroup(groupHash, group);
    if (first === NONE) {
      this.groups.add(row, groupHash);
      this.members[row] = 1;
      this.nextMember[row] = NONE;
      return NONE;
    }
    const cells = this.source.cells(row);
    const layout = this.source.signature(row);
    if (this.members[first] !== HASHED) {
      // A group of few rows: compared with each (most differ in their first cells).
      for (let other = first; other !== NONE; other = this.nextMember[other]) if (this.same(row, cells, layout, other)) return other;
      if (this.members[first] < FEW) {
        this.members[first]++;
        this.nextMember[row] = this.nextMember[first];
        this.nextMember[first] = row;
        return NONE;
      }
      // One row more than a few: from now on the group's rows are found by their signatures.
      // (Made when a group first needs it: a batch of small groups never does.)
      const signatures = (this.signatures ??= new Chains(this.rows));
      for (let other = first; other !== NONE; other = this.nextMember[other]) signatures.add(other, this.keyOf(groupHash, other));
      this.members[first] = HASHED;
      signatures.add(row, this.keyOf(groupHash, row));
      return NONE;
    }
    const signatures = this.signatures!;
    const key = this.keyOf(groupHash, row);
    for (let other = signatures.first(key); other !== NONE; other = signatures.next[other]) {
      if (signatures.key[other] === key && this.sameGroup(other, group) && this.same(row, cells, layout, other)) return other;
    }
    signatures.add(row, key);
    return NONE;
  }
}
