/**
 * Mesos' --attributes syntax: "name:value;name:value". A value is a scalar ("4"), ranges
 * ("[1-10,20-30]"), a set ("{a,b}") or otherwise text ("rack1").
 */
import type { Attribute } from "../mesos/v1.js";

export function parseAttributes(text: string): Attribute[] {
  const out: Attribute[] = [];
  for (const token of text.split(";")) {
    if (token.trim() === "") continue;
    const i = token.indexOf(":");
    if (i <= 0) throw new Error(`Invalid attribute '${token}': expected name:value`);
    const name = token.slice(0, i).trim();
    const value = token.slice(i + 1).trim();
    if (/^-?\d+(\.\d+)?$/.test(value)) out.push({ name, type: "SCALAR", scalar: { value: Number(value) } });
    else if (value.startsWith("[") && value.endsWith("]")) {
      const range = value
        .slice(1, -1)
        .split(",")
        .filter((s) => s.trim())
        .map((s) => {
          const [b, e] = s.split("-").map((x) => Number(x.trim()));
          if (b === undefined || e === undefined || !Number.isInteger(b) || !Number.isInteger(e)) throw new Error(`Invalid range '${s}' in attribute '${name}'`);
          return { begin: b, end: e };
        });
      out.push({ name, type: "RANGES", ranges: { range } });
    } else if (value.startsWith("{") && value.endsWith("}")) {
      out.push({ name, type: "SET", set: { item: value.slice(1, -1).split(",").map((s) => s.trim()).filter(Boolean) } });
    } else out.push({ name, type: "TEXT", text: { value } });
  }
  return out;
}
