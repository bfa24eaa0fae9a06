/**
 * Store keys <-> NATS KV keys. Kubernetes keys may hold characters a KV key (one NATS
 * subject token here) may not: ':' in RBAC names, '.' in most names (a subject token
 * separator), and anything else a key may carry. Every byte outside [A-Za-z0-9_/-] is
 * written as '=' and two upper-case hex digits of its UTF-8 encoding ('=' itself
 * included), so the mapping is reversible and an encoded key never contains '.', '*'
 * or '>'. Prefix listing never uses subject filters (it runs on the mirror), so the
 * encoding does not need to keep key order.
 */
import { StoreError } from "../errors.js";

const PLAIN = /^[A-Za-z0-9_/-]$/;
const utf8 = new TextEncoder();

export function encodeKey(key: string): string {
  if (key === "") throw new StoreError("the empty key cannot be stored");
  let out = "";
  for (const ch of key) {
    if (PLAIN.test(ch)) {
      out += ch;
      continue;
    }
    for (const b of utf8.encode(ch)) out += "=" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** The store key of an encoded KV key; undefined when it is not one encodeKey made. */
export function decodeKey(encoded: string): string | undefined {
  if (encoded === "" || !/^(?:[A-Za-z0-9_/-]|=[0-9A-F]{2})+$/.test(encoded)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; ) {
    if (encoded[i] === "=") {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 3;
    } else bytes.push(encoded.charCodeAt(i++));
  }
  try {
    const key = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    // Only the canonical form: a plain character written escaped would alias another key.
    return encodeKey(key) === encoded ? key : undefined;
  } catch {
    return undefined;
  }
}
