import { expect } from "chai";
import { StatusError } from "../../src/k8s-api/errors.js";
import {
  compileLabelSelector,
  formatLabels,
  formatLabelSelector,
  labelSelectorAsMatcher,
  labelsString,
  matcherFromRequirements,
  newRequirement,
  parseLabelSelector,
  selectorFromSet,
  selectorString,
  type Requirement,
} from "../../src/k8s-api/selectors/index.js";

/** The 400 a bad selector raises, or a failure when it parses. */
function parseError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(StatusError);
    const err = e as StatusError;
    expect(err.code).to.equal(400);
    expect(err.reason).to.equal("BadRequest");
    return err;
  }
  throw new Error("expected a 400 BadRequest");
}

const r = (key: string, operator: Requirement["operator"], values: string[] = []): Requirement => ({ key, operator, values });

describe("label selectors: parsing (labels.Parse)", () => {
  // TestSelectorParse: good strings print back without spaces.
  for (const s of ["x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"]) {
    it(`parses and prints back ${JSON.stringify(s)}`, () => {
      expect(compileLabelSelector(s).toString()).to.equal(s.replace(/ /g, ""));
    });
  }

  for (const s of ["x=a||y=b", "x==a==b", "!x=a", "x<a"]) {
    it(`rejects ${JSON.stringify(s)}`, () => parseError(() => parseLabelSelector(s)));
  }

  it("is deterministic: requirements sorted by key", () => {
    expect(compileLabelSelector("x=a,a=x").toString()).to.equal(compileLabelSelector("a=x,x=a").toString());
    expect(compileLabelSelector("x=a,a=x").toString()).to.equal("a=x,x=a");
  });

  // TestSetSelectorParser
  const cases: [string, Requirement[]][] = [
    ["", []],
    ["\rx", [r("x", "exists")]],
    ["this-is-a-dns.domain.com/key-with-dash", [r("this-is-a-dns.domain.com/key-with-dash", "exists")]],
    ["this-is-another-dns.domain.com/key-with-dash in (so,what)", [r("this-is-another-dns.domain.com/key-with-dash", "in", ["so", "what"])]],
    ["0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", [r("0.1.2.domain/99", "notin", ["10.10.100.1", "tick.tack.clock"])]],
    ["foo  in\t (abc)", [r("foo", "in", ["abc"])]],
    ["x notin\n (abc)", [r("x", "notin", ["abc"])]],
    ["x  notin\t\t\t(abc,def)", [r("x", "notin", ["abc", "def"])]],
    ["x in (abc,def)", [r("x", "in", ["abc", "def"])]],
    ["x in (abc,)", [r("x", "in", ["", "abc"])]],
    ["x in (abc,abc)", [r("x", "in", ["abc"])]],
    ["x in ()", [r("x", "in", [""])]],
    ["x in (a,,)", [r("x", "in", ["", "a"])]],
    ["x in (a,,,,,,)", [r("x", "in", ["", "a"])]],
    ["x in (a,,a,,a,,a,,)", [r("x", "in", ["", "a"])]],
    ["x notin (abc,,def),bar,z in (),w", [r("bar", "exists"), r("w", "exists"), r("x", "notin", ["", "abc", "def"]), r("z", "in", [""])]],
    ["x=a", [r("x", "=", ["a"])]],
    ["x==a", [r("x", "==", ["a"])]],
    ["x>1", [r("x", "gt", ["1"])]],
    ["x<7", [r("x", "lt", ["7"])]],
    ["x=a,y!=b,z in (h,i,j)", [r("x", "=", ["a"]), r("y", "!=", ["b"]), r("z", "in", ["h", "i", "j"])]],
    ["x notin ( )", [r("x", "notin", [""])]],
    ["x notin (, a)", [r("x", "notin", ["", "a"])]],
    ["a ", [r("a", "exists")]],
    ["a in (x,y,notin, z,in)", [r("a", "in", ["in", "notin", "x", "y", "z"])]],
    ["notin=in", [r("notin", "=", ["in"])]],
  ];
  for (const [s, want] of cases) {
    it(`parses ${JSON.stringify(s)}`, () => expect(parseLabelSelector(s)).to.deep.equal(want));
  }

  // Invalid inputs with upstream's exact messages.
  const bad: [string, string][] = [
    ["x,,y", "found ',', expected: identifier after ','"],
    [",x,y", "found ',', expected: !, identifier, or 'end of string'"],
    ["x nott in (y)", "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ["a in (xyz),", "found '', expected: identifier after ','"],
    ["a in (xyz)b notin ()", "found 'b', expected: ',' or 'end of string'"],
    ["a in (xyz abc)", "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ["a notin(", "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ["a (", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ["(", "found '(', expected: !, identifier, or 'end of string'"],
    ["x in", "unable to parse requirement: found '' expected: '('"],
    ["x in (a", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["x=(a)", "unable to parse requirement: found '(', expected: identifier"],
    ["!", "unable to parse requirement: found '', expected: identifier"],
    ["!x=a", "found '=', expected: ',' or 'end of string'"],
    ["x==a==b", "found '==', expected: ',' or 'end of string'"],
    ["x<a", "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ["x>", "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer"],
    [
      "x=a b",
      "found 'b', expected: ',' or 'end of string'",
    ],
    [
      "x=-a",
      "unable to parse requirement: values[0][x]: Invalid value: \"-a\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    [
      "Key!!=v",
      "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt",
    ],
    [
      "-key=v",
      "unable to parse requirement: <nil>: Invalid value: \"-key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
    [
      "x in (-a,b-)",
      "unable to parse requirement: [values[0][x]: Invalid value: \"-a\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][x]: Invalid value: \"b-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]",
    ],
  ];
  for (const [s, message] of bad) {
    it(`rejects ${JSON.stringify(s)} with upstream's message`, () => {
      expect(parseError(() => parseLabelSelector(s)).message).to.equal(message);
    });
  }

  it("rejects a too long key", () => {
    const err = parseError(() => parseLabelSelector(`${"a".repeat(64)}=b`));
    expect(err.message).to.match(/^unable to parse requirement: <nil>: Invalid value: "a{64}": name part must be no more than 63/);
  });
});

describe("label selectors: matching", () => {
  const match: [string, Record<string, string>, boolean][] = [
    ["", { x: "y" }, true],
    ["x=y", { x: "y" }, true],
    ["x=y,z=w", { x: "y", z: "w" }, true],
    ["x!=y,z!=w", { x: "z", z: "a" }, true],
    ["notin=in", { notin: "in" }, true],
    ["x", { x: "z" }, true],
    ["!x", { y: "z" }, true],
    ["x>1", { x: "2" }, true],
    ["x<1", { x: "0" }, true],
    ["x=z", {}, false],
    ["x=y", { x: "z" }, false],
    ["x=y,z=w", { x: "w", z: "w" }, false],
    ["x!=y,z!=w", { x: "z", z: "w" }, false],
    ["x", { y: "z" }, false],
    ["!x", { x: "z" }, false],
    ["x>1", { x: "0" }, false],
    ["x<1", { x: "2" }, false],
    ["x>1", { x: "v2" }, false],
    ["x>1", {}, false],
    ["x!=a", {}, true],
    ["x notin (a)", {}, true],
    ["x notin ()", { x: "" }, false],
    ["x in (a,b)", { x: "b" }, true],
    ["x in (a,b)", { x: "c" }, false],
    ["x=", { x: "" }, true],
    ["x=", {}, false],
    ["x>9223372036854775806", { x: "9223372036854775807" }, true],
    ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }, false],
  ];
  for (const [s, labels, want] of match) {
    it(`${JSON.stringify(s)} ${want ? "matches" : "does not match"} ${JSON.stringify(labels)}`, () => {
      expect(compileLabelSelector(s)(labels)).to.equal(want);
    });
  }

  it("treats undefined labels as none", () => {
    expect(compileLabelSelector("!a")(undefined)).to.equal(true);
    expect(compileLabelSelector("a")(undefined)).to.equal(false);
  });

  it("reports the value a requirement pins", () => {
    const m = compileLabelSelector("app=web,tier in (fe),x in (a,b),y!=z");
    expect(m.requiresExactMatch("app")).to.equal("web");
    expect(m.requiresExactMatch("tier")).to.equal("fe");
    expect(m.requiresExactMatch("x")).to.equal(undefined);
    expect(m.requiresExactMatch("y")).to.equal(undefined);
    expect(m.empty).to.equal(false);
    expect(compileLabelSelector("").empty).to.equal(true);
  });
});

describe("label selectors: requirements (labels.NewRequirement)", () => {
  const errs: [string, Requirement["operator"], string[], string][] = [
    ["x1", "in", [], "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"],
    ["x5", "=", ["bar", "foo"], `values: Invalid value: ["bar","foo"]: exact-match compatibility requires one single value`],
    ["x8", "exists", ["foo"], `values: Invalid value: ["foo"]: values set must be empty for exists and does not exist`],
    ["x13", "gt", [], "values: Invalid value: []: for 'Gt', 'Lt' operators, exactly one value is required"],
    ["x14", "gt", ["bar"], `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x18", "unsupportedOp" as Requirement["operator"], [], `operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"`],
  ];
  for (const [key, op, values, message] of errs) {
    it(`rejects ${key} ${op} ${JSON.stringify(values)}`, () => expect(parseError(() => newRequirement(key, op, values)).message).to.equal(message));
  }

  it("accepts valid requirements and prints them (TestToString)", () => {
    const sel = matcherFromRequirements([newRequirement("x", "in", ["def", "abc"]), newRequirement("y", "notin", ["jkl"]), newRequirement("z", "exists")]);
    expect(sel.toString()).to.equal("x in (abc,def),y notin (jkl),z");
    const sel2 = matcherFromRequirements([newRequirement("z", "!"), newRequirement("y", "!=", ["jkl"]), newRequirement("x", "notin", ["abc", "def"])]);
    expect(sel2.toString()).to.equal("x notin (abc,def),y!=jkl,!z");
    const sel3 = matcherFromRequirements([newRequirement("x", "gt", ["2"]), newRequirement("y", "lt", ["8"]), newRequirement("z", "exists")]);
    expect(sel3.toString()).to.equal("x>2,y<8,z");
    const sel4 = matcherFromRequirements([newRequirement("x", "notin", ["abc"]), newRequirement("y", "in", ["jkl", "mno"]), newRequirement("z", "notin", [""])]);
    expect(sel4.toString()).to.equal("x notin (abc),y in (jkl,mno),z notin ()");
  });
});

describe("label selectors: metav1.LabelSelector", () => {
  it("null selects nothing, {} everything", () => {
    expect(labelSelectorAsMatcher(null)({ a: "b" })).to.equal(false);
    expect(labelSelectorAsMatcher(undefined).nothing).to.equal(true);
    expect(labelSelectorAsMatcher({})({ a: "b" })).to.equal(true);
    expect(labelSelectorAsMatcher({ matchLabels: {}, matchExpressions: [] }).empty).to.equal(true);
  });

  const sel = {
    matchLabels: { tier: "fe", app: "web" },
    matchExpressions: [
      { key: "env", operator: "In", values: ["prod", "canary"] },
      { key: "legacy", operator: "DoesNotExist" },
      { key: "zone", operator: "NotIn", values: ["b"] },
      { key: "owner", operator: "Exists" },
    ],
  };

  it("renders as LabelSelectorAsSelector(...).String()", () => {
    expect(selectorString(sel)).to.equal("app=web,env in (canary,prod),!legacy,owner,tier=fe,zone notin (b)");
    expect(selectorString({ matchLabels: { app: "web" } })).to.equal("app=web");
    expect(selectorString({})).to.equal("");
    expect(selectorString(null)).to.equal("");
  });

  it("matches", () => {
    const m = labelSelectorAsMatcher(sel);
    expect(m({ app: "web", tier: "fe", env: "prod", owner: "me" })).to.equal(true);
    expect(m({ app: "web", tier: "fe", env: "prod", owner: "me", zone: "b" })).to.equal(false);
    expect(m({ app: "web", tier: "fe", env: "prod", owner: "me", legacy: "" })).to.equal(false);
    expect(m({ app: "web", tier: "fe", env: "dev", owner: "me" })).to.equal(false);
    expect(m({ app: "web", tier: "fe", env: "prod" })).to.equal(false);
  });

  it("parses back to the same requirements", () => {
    const m = labelSelectorAsMatcher(sel);
    // Parsing sorts each requirement's values; the LabelSelector keeps them as given. Printing agrees.
    expect(compileLabelSelector(m.toString()).toString()).to.equal(m.toString());
  });

  it("rejects bad selectors with upstream's messages", () => {
    expect(parseError(() => labelSelectorAsMatcher({ matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] })).message).to.equal('"Gt" is not a valid label selector operator');
    expect(parseError(() => labelSelectorAsMatcher({ matchExpressions: [{ key: "a", operator: "In", values: [] }] })).message).to.equal(
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(parseError(() => labelSelectorAsMatcher({ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] })).message).to.equal(
      `values: Invalid value: ["x"]: values set must be empty for exists and does not exist`,
    );
    expect(parseError(() => labelSelectorAsMatcher({ matchLabels: { "a/b/c": "x" } })).message).to.match(/^key: Invalid value: "a\/b\/c": /);
  });

  it("formats for printers: <none> and <error>", () => {
    expect(formatLabelSelector({})).to.equal("<none>");
    expect(formatLabelSelector(null)).to.equal("<none>");
    expect(formatLabelSelector({ matchExpressions: [{ key: "a", operator: "Bogus" }] })).to.equal("<error>");
    expect(formatLabelSelector({ matchLabels: { app: "web" } })).to.equal("app=web");
  });
});

describe("label selectors: label maps", () => {
  it("selectorFromSet matches subsets", () => {
    const labels = { foo: "bar", baz: "blah" };
    expect(selectorFromSet({})(labels)).to.equal(true);
    expect(selectorFromSet(null)(labels)).to.equal(true);
    expect(selectorFromSet({ foo: "bar", baz: "blah" })(labels)).to.equal(true);
    expect(selectorFromSet({ foo: "=blah" })(labels)).to.equal(false);
    expect(selectorFromSet({ foo: "bar", foobar: "bar" })(labels)).to.equal(false);
    expect(selectorFromSet({ b: "2", a: "1" }).toString()).to.equal("a=1,b=2");
  });

  it("labels.Set.String sorts the k=v strings, FormatLabels says <none>", () => {
    expect(labelsString({ a: "2", "a.b": "1" })).to.equal("a.b=1,a=2");
    expect(formatLabels({ run: "web", app: "x" })).to.equal("app=x,run=web");
    expect(formatLabels({})).to.equal("<none>");
    expect(formatLabels(undefined)).to.equal("<none>");
  });
});
