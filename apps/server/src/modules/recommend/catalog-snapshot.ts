/**
 * The catalogue as a model saw it when it was trained: which track each item index is and who
 * is credited on it. Stored beside the model's bytes (one bundle), so every instance that loads
 * the model reads the same mapping, however the library changed since.
 *
 * Bundle layout: "RSNBNDL1" | u32 snapshot JSON length | snapshot JSON | engine model bytes.
 */
import { buildCsr, transpose, type Csr } from './engine/sparse.ts';

export interface CatalogSnapshot {
  /** item index → track id */
  readonly trackIds: readonly string[];
  /** artist index → artist id */
  readonly artistIds: readonly string[];
  /** items x artists: the credited artists of each item (value = 1 / credit position) */
  readonly itemArtists: Csr;
}

export interface CatalogTrack {
  id: string;
  /** in credit order */
  artistIds: readonly string[];
}

export function buildSnapshot(tracks: readonly CatalogTrack[]): CatalogSnapshot {
  const artistIndex = new Map<string, number>();
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  tracks.forEach((track, item) => {
    track.artistIds.forEach((artistId, position) => {
      let artist = artistIndex.get(artistId);
      if (artist === undefined) artistIndex.set(artistId, (artist = artistIndex.size));
      rows.push(item);
      cols.push(artist);
      vals.push(1 / (position + 1));
    });
  });
  return {
    trackIds: tracks.map((track) => track.id),
    artistIds: [...artistIndex.keys()],
    itemArtists: buildCsr(
      { rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float32Array.from(vals) },
      tracks.length,
      artistIndex.size,
    ),
  };
}

/** The snapshot with the lookups a server needs, built once per loaded model. */
export class Catalog {
  readonly itemOf: ReadonlyMap<string, number>;
  readonly artistOf: ReadonlyMap<string, number>;
  /** artists x items */
  readonly artistItems: Csr;

  constructor(readonly snapshot: CatalogSnapshot) {
    this.itemOf = new Map(snapshot.trackIds.map((id, item) => [id, item]));
    this.artistOf = new Map(snapshot.artistIds.map((id, artist) => [id, artist]));
    this.artistItems = transpose(snapshot.itemArtists);
  }

  get size(): number {
    return this.snapshot.trackIds.length;
  }

  trackId(item: number): string {
    return this.snapshot.trackIds[item]!;
  }

  /** Artist ids credited on an item, in credit order. */
  artistIdsOf(item: number): string[] {
    const m = this.snapshot.itemArtists;
    const credits: [number, number][] = [];
    for (let p = m.indptr[item]!; p < m.indptr[item + 1]!; p++) credits.push([m.values[p]!, m.indices[p]!]);
    return credits.sort((a, b) => b[0] - a[0]).map(([, artist]) => this.snapshot.artistIds[artist]!);
  }

  /** Items crediting the artist (any position). */
  itemsBy(artistId: string): Int32Array {
    const artist = this.artistOf.get(artistId);
    if (artist === undefined) return new Int32Array(0);
    return this.artistItems.indices.subarray(
      this.artistItems.indptr[artist]!,
      this.artistItems.indptr[artist + 1]!,
    );
  }
}

const MAGIC = 'RSNBNDL1';

interface SnapshotJson {
  trackIds: readonly string[];
  artistIds: readonly string[];
  indptr: number[];
  indices: number[];
  values: number[];
}

export function encodeBundle(snapshot: CatalogSnapshot, modelBytes: Uint8Array): Buffer {
  const m = snapshot.itemArtists;
  const json: SnapshotJson = {
    trackIds: snapshot.trackIds,
    artistIds: snapshot.artistIds,
    indptr: Array.from(m.indptr),
    indices: Array.from(m.indices),
    values: Array.from(m.values),
  };
  const header = Buffer.from(JSON.stringify(json), 'utf8');
  const out = Buffer.alloc(MAGIC.length + 4 + header.length + modelBytes.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  out.set(modelBytes, MAGIC.length + 4 + header.length);
  return out;
}

export function decodeBundle(bytes: Buffer): { snapshot: CatalogSnapshot; modelBytes: Uint8Array } {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new Error('not a recommendation model bundle');
  }
  const length = bytes.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  const json = JSON.parse(bytes.toString('utf8', start, start + length)) as SnapshotJson;
  const snapshot: CatalogSnapshot = {
    trackIds: json.trackIds,
    artistIds: json.artistIds,
    itemArtists: {
      nRows: json.trackIds.length,
      nCols: json.artistIds.length,
      indptr: Int32Array.from(json.indptr),
      indices: Int32Array.from(json.indices),
      values: Float32Array.from(json.values),
    },
  };
  return { snapshot, modelBytes: bytes.subarray(start + length) };
}
