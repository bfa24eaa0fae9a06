import { expect } from "chai";
import {
  compileLabelSelector,
  escapeFieldValue,
  formatLabels,
  formatLabelSelector,
  matcherFromRequirements,
  parseFieldSelector,
  parseLabelSelector,
  selectorString,
  type LabelSelectorLike,
} from "../../src/k8s-api/selectors/index.js";
import { humanDuration } from "../../src/k8s-api/printers/index.js";
import { upstreamCases, type UpstreamCase } from "./upstream-cases.js";


function outcome(fn: () => string): { ok: string } | { err: string } {
  try {
    return { ok: fn() };
  } catch (e) {
    return { err: (e as Error).message };
  }
}

function expected(c: UpstreamCase): { ok: string } | { err: string } {
  return c.err !== undefined ? { err: c.err } : { ok: c.ok ?? "" };
}

describe("selectors agree with apimachinery v0.35.2", () => {
  for (const c of upstreamCases) {
    const title = `${c.kind} ${JSON.stringify(c.input)}${c.labels ? ` on ${JSON.stringify(c.labels)}` : ""}`;
    switch (c.kind) {
      case "L":
        it(title, () => expect(outcome(() => matcherFromRequirements(parseLabelSelector(c.input)).toString())).to.deep.equal(expected(c)));
        break;
      case "LM":
        it(title, () => expect(compileLabelSelector(c.input)(c.labels ?? {})).to.equal(c.match));
        break;
      case "F":
        it(title, () =>
          expect(outcome(() => parseFieldSelector(c.input).map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(","))).to.deep.equal(expected(c)),
        );
        break;
      case "FM":
        it(title, () => {
          const reqs = parseFieldSelector(c.input);
          const set = c.labels ?? {};
          const got = reqs.every((r) => ((set[r.field] ?? "") === r.value) === (r.operator === "="));
          expect(got).to.equal(c.match);
        });
        break;
      case "S": {
        const sel = JSON.parse(c.input) as LabelSelectorLike | null;
        it(title, () => {
          expect(outcome(() => selectorString(sel))).to.deep.equal(expected(c));
          expect(formatLabelSelector(sel)).to.equal(c.format);
        });
        break;
      }
      case "D":
        it(title, () => expect(humanDuration(Number(c.input))).to.equal(c.ok));
        break;
      case "FL":
        it(title, () => expect(formatLabels(JSON.parse(c.input) as Record<string, string>)).to.equal(c.ok));
        break;
    }
  }
});
