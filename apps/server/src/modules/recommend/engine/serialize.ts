/**
 * Model ⇄ bytes, so the server can keep the nightly model in storage and load it at boot or hand it
 * across threads. Layout (little-endian):
 *
 *   "RSNRECS1" | u32 header length | header JSON (UTF-8) | padding to 8 | typed-array blobs, each 8-aligned
 *
 * The header is the model as JSON with every typed array replaced by {"$array": index}; the index
 * points into the header's table of (type, byte offset, length). Arrays are copied on load, so the
 * input bytes can be reused or freed.
 */
import { resolveConfig, type RecModel } from './model.ts';

const MAGIC = 'RSNRECS1';
const FORMAT_VERSION = 1;

const ARRAY_TYPES = {
  Float32Array,
  Float64Array,
  Int32Array,
  Uint8Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type SupportedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

interface ArrayEntry {
  readonly type: ArrayTypeName;
  readonly offset: number;
  readonly length: number;
}

interface Header {
  readonly format: number;
  readonly arrays: ArrayEntry[];
  readonly model: unknown;
}

const align8 = (n: number) => (n + 7) & ~7;

function arrayTypeOf(value: unknown): ArrayTypeName | null {
  for (const name of Object.keys(ARRAY_TYPES) as ArrayTypeName[]) {
    if (value instanceof ARRAY_TYPES[name]) return name;
  }
  return null;
}

export function serializeModel(model: RecModel): Buffer {
  const arrays: SupportedArray[] = [];
  const entries: ArrayEntry[] = [];
  let blobBytes = 0;
  const modelJson = JSON.stringify(model, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) {
      const type = arrayTypeOf(value);
      if (!type) throw new TypeError(`cannot serialise a ${value.constructor.name}`);
      const array = value as SupportedArray;
      entries.push({ type, offset: blobBytes, length: array.length });
      arrays.push(array);
      blobBytes = align8(blobBytes + array.byteLength);
      return { $array: arrays.length - 1 };
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`cannot serialise the non-finite number ${value}`);
    }
    return value;
  });
  const header: Header = { format: FORMAT_VERSION, arrays: entries, model: JSON.parse(modelJson) };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const blobStart = align8(MAGIC.length + 4 + headerBytes.length);
  // A fresh ArrayBuffer of exactly this size, so callers can transfer `result.buffer` to a thread.
  const out = Buffer.from(new ArrayBuffer(blobStart + blobBytes));
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  arrays.forEach((array, i) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    out.set(bytes, blobStart + entries[i]!.offset);
  });
  return out;
}

export function loadModel(bytes: Uint8Array): RecModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new Error('not a Resonance recommendation model');
  }
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > buf.length) throw new Error('truncated model (header)');
  const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, headerEnd)) as Header;
  if (header.format !== FORMAT_VERSION) throw new Error(`unsupported model format ${header.format}`);
  const blobStart = align8(headerEnd);
  const arrays = header.arrays.map((entry) => {
    const Ctor = ARRAY_TYPES[entry.type];
    if (!Ctor) throw new Error(`unknown array type ${entry.type}`);
    const array = new Ctor(entry.length);
    const start = blobStart + entry.offset;
    const end = start + array.byteLength;
    if (end > buf.length) throw new Error('truncated model (arrays)');
    new Uint8Array(array.buffer).set(buf.subarray(start, end));
    return array;
  });
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.$array === 'number') {
        const array = arrays[record.$array];
        if (!array) throw new Error(`model refers to a missing array ${record.$array}`);
        return array;
      }
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
    }
    return value;
  };
  const model = revive(header.model) as RecModel;
  if (model.formatVersion !== 1) throw new Error(`unsupported model version ${String(model.formatVersion)}`);
  // A model saved by an older engine may lack newer config keys; fill them with today's defaults.
  return { ...model, config: resolveConfig(model.config) };
}
