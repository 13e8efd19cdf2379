/**
 * The accounts of a bulk run, each once, in input order, held as one buffer of UTF-8 bytes with
 * the offset where each id ends, and a hash table of positions that finds repeats while the list
 * is read (a journal's accounts done keep theirs: the run asks it about every account).
 *
 * A string and a set entry per account cost ≈ 55 bytes of V8 heap each, and V8 sizes its heap at
 * a multiple of what is live: kept that way, a 100,000-account list made a run's peak memory grow
 * by a third over a 10,000-account one (bench/README.md, memory). Here an id costs its bytes and 4
 * more once the list is read (up to about 24 more while it is read), outside the heap, and
 * becomes a string only while it is used.
 */

/** What the scheduler needs of a list: an array of ids is one too. */
export interface AccountSequence {
  readonly length: number;
  at(index: number): string | undefined;
  slice(from: number, to: number): string[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class AccountIds implements AccountSequence, Iterable<string> {
  #bytes = Buffer.allocUnsafe(1024);
  /** Bytes in use. */
  #used = 0;
  /** Where each id ends in #bytes (the next one starts there). */
  #ends = new Uint32Array(64);
  #count = 0;
  /** Open addressing: 0 for an empty slot, else the index of an id plus one. Dropped by seal(). */
  #slots: Int32Array | undefined = new Int32Array(128);
  /** Where #probe() left the bytes of the id it looked for (written after the last id, not kept). */
  #probedEnd = 0;

  get length(): number {
    return this.#count;
  }

  /** Adds `id` unless the list holds it already; says whether it was added. */
  add(id: string): boolean {
    const slot = this.#probe(id);
    if (slot < 0) return false;
    const slots = this.#slots!;
    slots[slot] = this.#count + 1;
    this.#used = this.#ends[this.#count++] = this.#probedEnd;
    if (this.#count * 2 > slots.length) this.#rehash(slots.length * 2);
    return true;
  }

  /** Whether the list holds `id` (until it is sealed). */
  has(id: string): boolean {
    return this.#probe(id) < 0;
  }

  /** Ends the reading: drops the repeat finder and the room left for more ids. */
  seal(): this {
    this.#slots = undefined;
    this.#bytes = Buffer.from(this.#bytes.subarray(0, this.#used));
    this.#ends = this.#ends.slice(0, this.#count);
    return this;
  }

  at(index: number): string | undefined {
    if (index < 0) index += this.#count;
    if (index < 0 || index >= this.#count) return undefined;
    return this.#bytes.toString('utf8', this.#start(index), this.#ends[index]);
  }

  slice(from: number, to: number = this.#count): string[] {
    const ids: string[] = [];
    for (let index = Math.max(0, from); index < Math.min(to, this.#count); index++) ids.push(this.at(index)!);
    return ids;
  }

  /** A new sealed list of the ids `keep` accepts, in the same order. */
  filter(keep: (id: string) => boolean): AccountIds {
    const kept = new AccountIds();
    for (const id of this) if (keep(id)) kept.add(id);
    return kept.seal();
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let index = 0; index < this.#count; index++) yield this.at(index)!;
  }

  #start(index: number): number {
    return index === 0 ? 0 : this.#ends[index - 1]!;
  }

  /** The empty slot where `id` would go, or -1 if the list holds it. */
  #probe(id: string): number {
    const slots = this.#slots;
    if (slots === undefined) throw new Error('AccountIds: add() or has() after seal()');
    this.#reserve(Buffer.byteLength(id));
    // Written where it would go: the hash and the comparisons then read it in place.
    const start = this.#used;
    const end = (this.#probedEnd = start + this.#bytes.write(id, start, 'utf8'));
    let slot = this.#hash(start, end) & (slots.length - 1);
    for (let taken = slots[slot]!; taken !== 0; taken = slots[slot]!) {
      if (this.#equals(taken - 1, start, end)) return -1;
      slot = (slot + 1) & (slots.length - 1);
    }
    return slot;
  }

  /** Room for one more id of `length` bytes and its end. */
  #reserve(length: number): void {
    if (this.#used + length > this.#bytes.length) {
      const bytes = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#used + length));
      this.#bytes.copy(bytes, 0, 0, this.#used);
      this.#bytes = bytes;
    }
    if (this.#count === this.#ends.length) {
      const ends = new Uint32Array(this.#ends.length * 2);
      ends.set(this.#ends);
      this.#ends = ends;
    }
  }

  /** FNV-1a over the bytes of [start, end). */
  #hash(start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ this.#bytes[at]!, FNV_PRIME);
    return hash >>> 0;
  }

  #equals(index: number, start: number, end: number): boolean {
    const from = this.#start(index);
    const to = this.#ends[index]!;
    return to - from === end - start && this.#bytes.compare(this.#bytes, start, end, from, to) === 0;
  }

  #rehash(size: number): void {
    const slots = new Int32Array(size);
    for (let index = 0; index < this.#count; index++) {
      let slot = this.#hash(this.#start(index), this.#ends[index]!) & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = index + 1;
    }
    this.#slots = slots;
  }
}
