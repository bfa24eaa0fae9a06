/**
 * Label selectors exactly as k8s.io/apimachinery/pkg/labels (v1.35) parses, validates,
 * matches and prints them: the `labelSelector` query parameter, metav1.LabelSelector
 * objects of the workload kinds, and plain label maps (ReplicationController, Service).
 *
 * A parse or validation failure is a 400 BadRequest whose message is upstream's, e.g.
 * `unable to parse requirement: found '', expected: '('`.
 */
import { badRequest, StatusError } from "../errors.js";
import { isJsonObject, type JsonObject } from "../types.js";
import { isQualifiedName, isValidLabelValue } from "../validation/names.js";
import { goCompare, goJson, goQuote } from "./go-format.js";

/** selection.Operator, spelled as upstream spells it. */
export type Operator = "!" | "=" | "==" | "in" | "!=" | "notin" | "exists" | "gt" | "lt";

/** One requirement (labels.Requirement): key, operator and values (sorted when parsed). */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** A label set as objects carry it (metadata.labels). */
export type Labels = Readonly<Record<string, string>>;

/**
 * A compiled label selector: call it with an object's labels. It also exposes what an
 * index needs (the requirements, whether one key must equal one value) and its string form.
 */
export interface LabelMatcher {
  (labels: Labels | undefined): boolean;
  /** Requirements sorted by key (stable), as labels.Selector keeps them. */
  readonly requirements: readonly Requirement[];
  /** Selects everything (no requirements). */
  readonly empty: boolean;
  /** Selects nothing (labels.Nothing(): a nil metav1.LabelSelector). */
  readonly nothing: boolean;
  /** The value `label` must have when a requirement pins it (=, ==, or in with one value). */
  requiresExactMatch(label: string): string | undefined;
  /** labels.Selector.String(): "a=b,c in (d,e),!f". */
  toString(): string;
}

/** metav1.LabelSelector as it travels in JSON (also satisfied by client-node's V1LabelSelector). */
export interface LabelSelectorLike {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly { key: string; operator: string; values?: readonly string[] | null }[] | null;
}

// ---------------------------------------------------------------------------------------
// Requirements

const binaryOperators: readonly Operator[] = ["in", "notin", "=", "==", "!=", "gt", "lt"];
const unaryOperators: readonly Operator[] = ["exists", "!"];
const validRequirementOperators: readonly Operator[] = [...binaryOperators, ...unaryOperators];

/** One field.Error, rendered as field.Error.Error() renders it. */
function invalidValue(path: string, badValue: string, detail: string): string {
  return `${path}: Invalid value: ${badValue}: ${detail}`;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets. */
function aggregate(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  return seen.length === 1 ? seen[0]! : `[${seen.join(", ")}]`;
}

/** validateLabelKey: "<path>: Invalid value: "<key>": <reasons joined by '; '>" or undefined. */
function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidValue(path, goQuote(key), errs.join("; ")) : undefined;
}

function labelValueError(key: string, value: string, path: string): string | undefined {
  const errs = isValidLabelValue(value);
  return errs.length ? invalidValue(`${path}[${key}]`, goQuote(value), errs.join("; ")) : undefined;
}

/** strconv.ParseInt(v, 10, 64): the value as a bigint, or undefined when it is not one. */
function parseInt64(v: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(v)) return undefined;
  const n = BigInt(v);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/** Validation errors of labels.NewRequirement (without the key check when `checkKey` is false). */
function requirementErrors(key: string, op: Operator, values: readonly string[] | null, checkKey: boolean): string[] {
  const errs: string[] = [];
  if (checkKey) {
    const e = labelKeyError(key, "key");
    if (e) errs.push(e);
  }
  const vals = values ?? [];
  switch (op) {
    case "in":
    case "notin":
      if (vals.length === 0) errs.push(invalidValue("values", goJson(values), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case "=":
    case "==":
    case "!=":
      if (vals.length !== 1) errs.push(invalidValue("values", goJson(values), "exact-match compatibility requires one single value"));
      break;
    case "exists":
    case "!":
      if (vals.length !== 0) errs.push(invalidValue("values", goJson(values), "values set must be empty for exists and does not exist"));
      break;
    case "gt":
    case "lt":
      if (vals.length !== 1) errs.push(invalidValue("values", goJson(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalidValue(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(`operator: Unsupported value: ${goQuote(op)}: supported values: ${validRequirementOperators.map((o) => goQuote(o)).join(", ")}`);
  }
  vals.forEach((v, i) => {
    const e = labelValueError(key, v, `values[${i}]`);
    if (e) errs.push(e);
  });
  return errs;
}

/**
 * labels.NewRequirement: validate and build one requirement. Throws a 400 BadRequest
 * carrying the aggregated field errors, worded as upstream words them.
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[] = []): Requirement {
  const errs = requirementErrors(key, operator, values, true);
  if (errs.length) throw badRequest(aggregate(errs));
  return { key, operator, values: [...values] };
}

/** Requirement.Matches. */
export function matchesRequirement(r: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const val = has ? labels[r.key]! : undefined;
  switch (r.operator) {
    case "in":
    case "=":
    case "==":
      return val !== undefined && r.values.includes(val);
    case "notin":
    case "!=":
      return val === undefined || !r.values.includes(val);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt": {
      if (val === undefined) return false;
      const lv = parseInt64(val);
      if (lv === undefined || r.values.length !== 1) return false;
      const rv = parseInt64(r.values[0]!);
      if (rv === undefined) return false;
      return r.operator === "gt" ? lv > rv : lv < rv;
    }
  }
}

/** Requirement.String(): values of set-based requirements in sorted order. */
export function requirementString(r: Requirement): string {
  let s = r.operator === "!" ? `!${r.key}` : r.key;
  switch (r.operator) {
    case "exists":
    case "!":
      return s;
    case "=":
    case "==":
    case "!=":
      s += r.operator;
      break;
    case "in":
    case "notin":
      s += ` ${r.operator} `;
      break;
    case "gt":
      s += ">";
      break;
    case "lt":
      s += "<";
      break;
  }
  const vals = r.values.length === 1 ? r.values[0]! : [...r.values].sort(goCompare).join(",");
  return r.operator === "in" || r.operator === "notin" ? `${s}(${vals})` : s + vals;
}

/** Sort requirements by key, keeping the order of equal keys (ByKey on small slices). */
function sortByKey(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => goCompare(a.key, b.key));
}

function makeMatcher(requirements: Requirement[], nothing = false): LabelMatcher {
  const reqs = Object.freeze(requirements);
  const fn = (labels: Labels | undefined): boolean => {
    if (nothing) return false;
    for (const r of reqs) if (!matchesRequirement(r, labels)) return false;
    return true;
  };
  const text = nothing ? "" : reqs.map(requirementString).join(",");
  return Object.assign(fn, {
    requirements: reqs,
    empty: !nothing && reqs.length === 0,
    nothing,
    requiresExactMatch(label: string): string | undefined {
      if (nothing) return undefined;
      const r = reqs.find((x) => x.key === label);
      if (!r) return undefined;
      return (r.operator === "=" || r.operator === "==" || r.operator === "in") && r.values.length === 1 ? r.values[0] : undefined;
    },
    toString: () => text,
  });
}

/** A matcher from requirements (sorted by key, as labels.Selector.Add does). */
export function matcherFromRequirements(requirements: readonly Requirement[]): LabelMatcher {
  return makeMatcher(sortByKey([...requirements]));
}

/** labels.Everything(). */
export function everything(): LabelMatcher {
  return makeMatcher([]);
}

/** labels.Nothing(). */
export function nothing(): LabelMatcher {
  return makeMatcher([], true);
}

// ---------------------------------------------------------------------------------------
// The string form: lexer and parser of labels.Parse

const enum Tok {
  Error = 0,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const string2token: ReadonlyMap<string, Tok> = new Map([
  [")", Tok.ClosedPar],
  [",", Tok.Comma],
  ["!", Tok.DoesNotExist],
  ["==", Tok.DoubleEquals],
  ["=", Tok.Equals],
  [">", Tok.GreaterThan],
  ["in", Tok.In],
  ["<", Tok.LessThan],
  ["!=", Tok.NotEquals],
  ["notin", Tok.NotIn],
  ["(", Tok.OpenPar],
]);

interface Item {
  tok: Tok;
  lit: string;
}

const isWhitespace = (ch: string): boolean => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
const specialSymbols = new Set(["=", "!", "(", ")", ",", ">", "<"]);
const isSpecialSymbol = (ch: string): boolean => specialSymbols.has(ch);

/** The Lexer of labels: byte at a time; a NUL or the end of input ends the string. */
class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  /** The next character, or NUL at the end (which, as in Go, does not advance). */
  private read(): string {
    return this.pos < this.s.length ? this.s[this.pos++]! : "\0";
  }

  private unread(): void {
    this.pos--;
  }

  private scanIDOrKeyword(): Item {
    let buffer = "";
    for (;;) {
      const ch = this.read();
      if (ch === "\0") break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    const t = string2token.get(buffer);
    return t !== undefined ? { tok: t, lit: buffer } : { tok: Tok.Identifier, lit: buffer };
  }

  private scanSpecialSymbol(): Item {
    let last: Item = { tok: Tok.Error, lit: "" };
    let buffer = "";
    for (;;) {
      const ch = this.read();
      if (ch === "\0") break;
      if (isSpecialSymbol(ch)) {
        buffer += ch;
        const t = string2token.get(buffer);
        if (t !== undefined) last = { tok: t, lit: buffer };
        else if (last.tok !== Tok.Error) {
          this.unread();
          break;
        }
      } else {
        this.unread();
        break;
      }
    }
    if (last.tok === Tok.Error) return { tok: Tok.Error, lit: `error expected: keyword found '${buffer}'` };
    return last;
  }

  lex(): Item {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === "\0") return { tok: Tok.EndOfString, lit: "" };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword();
  }
}

const enum Ctx {
  KeyAndOperator,
  Values,
}

class ParseError extends Error {}

class Parser {
  private readonly items: Item[] = [];
  private position = 0;

  constructor(selector: string) {
    const l = new Lexer(selector);
    for (;;) {
      const item = l.lex();
      this.items.push(item);
      if (item.tok === Tok.EndOfString) break;
    }
  }

  private map(item: Item, ctx: Ctx): Item {
    if (ctx === Ctx.Values && (item.tok === Tok.In || item.tok === Tok.NotIn)) return { tok: Tok.Identifier, lit: item.lit };
    return item;
  }

  private lookahead(ctx: Ctx): Item {
    return this.map(this.items[this.position]!, ctx);
  }

  private consume(ctx: Ctx): Item {
    return this.map(this.items[this.position++]!, ctx);
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(Ctx.Values);
      switch (tok) {
        case Tok.Identifier:
        case Tok.DoesNotExist: {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
            throw e;
          }
          requirements.push(r);
          const t = this.consume(Ctx.Values);
          switch (t.tok) {
            case Tok.EndOfString:
              return requirements;
            case Tok.Comma: {
              const t2 = this.lookahead(Ctx.Values);
              if (t2.tok !== Tok.Identifier && t2.tok !== Tok.DoesNotExist) throw new ParseError(`found '${t2.lit}', expected: identifier after ','`);
              break;
            }
            default:
              throw new ParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
          }
          break;
        }
        case Tok.EndOfString:
          return requirements;
        default:
          throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator();
    if (inferred === "exists" || inferred === "!") return this.requirement(key, inferred, []);
    const operator = this.parseOperator();
    const values = operator === "in" || operator === "notin" ? this.parseValues() : this.parseExactValue();
    return this.requirement(key, operator, [...values].sort(goCompare));
  }

  /** NewRequirement with a nil path: the key was validated already while parsing. */
  private requirement(key: string, operator: Operator, values: string[]): Requirement {
    const errs = requirementErrors(key, operator, values, false);
    if (errs.length) throw new ParseError(aggregate(errs));
    return { key, operator, values };
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | "" } {
    let operator: Operator | "" = "";
    let item = this.consume(Ctx.Values);
    if (item.tok === Tok.DoesNotExist) {
      operator = "!";
      item = this.consume(Ctx.Values);
    }
    if (item.tok !== Tok.Identifier) throw new ParseError(`found '${item.lit}', expected: identifier`);
    // validateLabelKey(literal, p.path) with a nil path renders the field as "<nil>".
    const keyErr = labelKeyError(item.lit, "<nil>");
    if (keyErr) throw new ParseError(keyErr);
    const next = this.lookahead(Ctx.Values).tok;
    if ((next === Tok.EndOfString || next === Tok.Comma) && operator !== "!") operator = "exists";
    return { key: item.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(Ctx.KeyAndOperator);
    switch (tok) {
      case Tok.In:
        return "in";
      case Tok.Equals:
        return "=";
      case Tok.DoubleEquals:
        return "==";
      case Tok.GreaterThan:
        return "gt";
      case Tok.LessThan:
        return "lt";
      case Tok.NotIn:
        return "notin";
      case Tok.NotEquals:
        return "!=";
      default:
        throw new ParseError(`found '${lit}', expected: ${binaryOperators.join(", ")}`);
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume(Ctx.Values);
    if (open.tok !== Tok.OpenPar) throw new ParseError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(Ctx.Values);
    switch (tok) {
      case Tok.Identifier:
      case Tok.Comma: {
        const s = this.parseIdentifiersList();
        if (this.consume(Ctx.Values).tok !== Tok.ClosedPar) throw new ParseError(`found '${lit}', expected: ')'`);
        return s;
      }
      case Tok.ClosedPar:
        this.consume(Ctx.Values);
        return new Set([""]);
      default:
        throw new ParseError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(Ctx.Values);
      switch (tok) {
        case Tok.Identifier: {
          s.add(lit);
          const t2 = this.lookahead(Ctx.Values);
          if (t2.tok === Tok.Comma) continue;
          if (t2.tok === Tok.ClosedPar) return s;
          throw new ParseError(`found '${t2.lit}', expected: ',' or ')'`);
        }
        case Tok.Comma: {
          if (s.size === 0) s.add(""); // "(,"
          const t2 = this.lookahead(Ctx.Values).tok;
          if (t2 === Tok.ClosedPar) {
            s.add(""); // ",)"
            return s;
          }
          if (t2 === Tok.Comma) s.add(""); // ",,"
          break;
        }
        default:
          throw new ParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const t = this.lookahead(Ctx.Values).tok;
    if (t === Tok.EndOfString || t === Tok.Comma) return new Set([""]);
    const { tok, lit } = this.consume(Ctx.Values);
    if (tok === Tok.Identifier) return new Set([lit]);
    throw new ParseError(`found '${lit}', expected: identifier`);
  }
}

/**
 * labels.Parse / ParseToRequirements: the requirements of a selector string, sorted by key.
 * Throws a 400 BadRequest with upstream's message when the string is not a selector.
 */
export function parseLabelSelector(selector: string): Requirement[] {
  try {
    return sortByKey(new Parser(selector).parse());
  } catch (e) {
    if (e instanceof ParseError) throw badRequest(e.message);
    throw e;
  }
}

/** Parse a `labelSelector` string into a matcher (labels.Parse). Throws 400 on a bad selector. */
export function compileLabelSelector(selector: string): LabelMatcher {
  return makeMatcher(parseLabelSelector(selector));
}

// ---------------------------------------------------------------------------------------
// metav1.LabelSelector and label maps

const selectorOperators: Readonly<Record<string, Operator>> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };

/** Read a LabelSelector out of JSON, refusing shapes that would not decode into one. */
function decodeLabelSelector(sel: unknown): LabelSelectorLike {
  if (!isJsonObject(sel)) throw badRequest("label selector must be an object");
  return sel as LabelSelectorLike;
}

/**
 * metav1.LabelSelectorAsSelector: null/undefined selects nothing, {} selects everything,
 * otherwise matchLabels (as "=") and matchExpressions (In, NotIn, Exists, DoesNotExist).
 * Throws a 400 BadRequest with upstream's message for an invalid selector.
 */
export function labelSelectorAsMatcher(sel: LabelSelectorLike | JsonObject | null | undefined): LabelMatcher {
  if (sel === null || sel === undefined) return nothing();
  const ls = decodeLabelSelector(sel);
  const matchLabels = Object.entries(ls.matchLabels ?? {});
  const exprs = ls.matchExpressions ?? [];
  if (matchLabels.length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const [k, v] of matchLabels) reqs.push(newRequirement(k, "=", [v]));
  for (const e of exprs) {
    const op = Object.prototype.hasOwnProperty.call(selectorOperators, e.operator) ? selectorOperators[e.operator] : undefined;
    if (!op) throw badRequest(`${goQuote(e.operator)} is not a valid label selector operator`);
    // append([]string(nil), expr.Values...): an empty list is nil, which renders as null.
    const values = e.values && e.values.length ? [...e.values] : null;
    const errs = requirementErrors(e.key, op, values, true);
    if (errs.length) throw badRequest(aggregate(errs));
    reqs.push({ key: e.key, operator: op, values: values ?? [] });
  }
  return makeMatcher(sortByKey(reqs));
}

/**
 * LabelSelectorAsSelector(sel).String(): the form status.selector and the scale
 * subresource carry ("" for an empty or absent selector). Throws 400 on an invalid one.
 */
export function selectorString(sel: LabelSelectorLike | JsonObject | null | undefined): string {
  return labelSelectorAsMatcher(sel).toString();
}

/** metav1.FormatLabelSelector: as selectorString, but "<none>" when empty and "<error>" when invalid. */
export function formatLabelSelector(sel: LabelSelectorLike | JsonObject | null | undefined): string {
  let s: string;
  try {
    s = selectorString(sel);
  } catch (e) {
    if (e instanceof StatusError) return "<error>";
    throw e;
  }
  return s === "" ? "<none>" : s;
}

/** labels.SelectorFromSet: every label of `set` must be present with that value; empty selects everything. */
export function selectorFromSet(set: Labels | null | undefined): LabelMatcher {
  return makeMatcher(sortByKey(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: "=" as const, values: [v] }))));
}

/** labels.Set.String(): "k=v" pairs sorted as strings, joined by ",". */
export function labelsString(set: Labels | null | undefined): string {
  return Object.entries(set ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort(goCompare)
    .join(",");
}

/** labels.FormatLabels: labelsString, or "<none>" for no labels. */
export function formatLabels(set: Labels | null | undefined): string {
  return labelsString(set) || "<none>";
}
