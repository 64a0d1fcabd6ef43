import { decode, encode, ExtData, ExtensionCodec } from '@msgpack/msgpack';

/**
 * Terraform's object values on the wire (`DynamicValue`): MessagePack, null as nil, an unknown
 * value as any MessagePack extension (code 0 plain, 12 with refinements, whose payload we may
 * ignore). See terraform's docs/plugin-protocol/object-wire-format.md.
 */
export const UNKNOWN = new ExtData(0, new Uint8Array([0]));

export type Value = string | number | boolean | null | ExtData | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

// Every extension is an unknown value, the timestamp code (-1) too, which the default codec would decode.
const codec = new ExtensionCodec();
codec.register({ type: -1, encode: () => null, decode: (data, type) => new ExtData(type, data) });

export const isUnknown = (v: unknown): v is ExtData => v instanceof ExtData;

export interface DynamicValue {
  msgpack?: Buffer | Uint8Array;
  json?: Buffer | Uint8Array;
}

/** A request's DynamicValue → the value; an absent one is null (no prior state, a destroy). */
export function fromDynamic(v: DynamicValue | null | undefined): Value {
  if (v?.msgpack && v.msgpack.length > 0) return decode(v.msgpack, { extensionCodec: codec }) as Value;
  if (v?.json && v.json.length > 0) return JSON.parse(Buffer.from(v.json).toString('utf8')) as Value;
  return null;
}

export const toDynamic = (v: Value): { msgpack: Buffer } => ({ msgpack: Buffer.from(encode(v, { extensionCodec: codec })) });

export const isObject = (v: Value): v is ObjectValue => typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
