import { expect } from "chai";
import { RESOURCES } from "../../src/k8s-api/registry/resources.js";
import type { ResourceInfo } from "../../src/k8s-api/registry/types.js";
import { toTable } from "../../src/k8s-api/printers/index.js";
import { convertFieldLabel, fieldValues } from "../../src/k8s-api/selectors/index.js";
import { NOW, fieldLabelsToTry, printerCases, type PrinterCase } from "./objects.js";
import { upstreamCases, upstreamColumns, upstreamConversions } from "./upstream-tables.js";

function resourceOf(c: PrinterCase): ResourceInfo {
  const r = RESOURCES.find((x) => x.group === c.group && x.kind === c.kind);
  if (!r) throw new Error(`no resource ${c.group}/${c.kind}`);
  return r;
}

function outcome(fn: () => string): { ok?: string; err?: string } {
  try {
    return { ok: fn() };
  } catch (e) {
    return { err: (e as Error).message };
  }
}

describe("printers and field sets agree with kube-apiserver 1.35", () => {
  it("covers every served resource", () => {
    const covered = new Set(printerCases.map((c) => `${c.group}/${c.kind}`));
    for (const r of RESOURCES) expect(covered.has(`${r.group}/${r.kind}`), `${r.group}/${r.kind}`).to.equal(true);
  });

  for (const c of printerCases) {
    const want = upstreamCases.find((u) => u.name === c.name)!;
    const key = `${c.group}/${c.kind}`;
    describe(c.name, () => {
      it("prints the same table", () => {
        const table = toTable(resourceOf(c), [c.object], { now: NOW, includeObject: "None" });
        if (want.tableErr) {
          // No printer upstream: the default table convertor's Name and Created At.
          expect(table.columnDefinitions!.map((d) => d.name)).to.deep.equal(["Name", "Created At"]);
          return;
        }
        expect(table.columnDefinitions).to.deep.equal(upstreamColumns[key]);
        expect(table.rows!.map((r) => (r.conditions ? { cells: r.cells, conditions: r.conditions } : { cells: r.cells }))).to.deep.equal(want.rows);
      });

      it("has the same field set", () => {
        expect(fieldValues(resourceOf(c), c.object)).to.deep.equal(want.fields);
      });

      it("converts field labels the same way", () => {
        const got: Record<string, { ok?: string; err?: string }> = {};
        for (const l of fieldLabelsToTry) got[l] = outcome(() => convertFieldLabel(resourceOf(c), l));
        expect(got).to.deep.equal(upstreamConversions[key]);
      });
    });
  }
});
