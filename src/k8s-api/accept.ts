/**
 * The Accept header parsed as goautoneg.ParseAccept does (k8s.io/apimachinery's vendored
 * copy), which every kube-apiserver endpoint negotiates with: clauses with their
 * parameters, ordered by q and then by specificity.
 */

export interface AcceptClause {
  type: string;
  subType: string;
  q: number;
  params: Map<string, string>;
}

/** goautoneg.ParseAccept: clauses with their parameters, sorted by q then specificity. */
export function parseAccept(header: string): AcceptClause[] {
  const out: AcceptClause[] = [];
  for (const raw of header.split(",")) {
    const part = raw.replace(/^ +| +$/g, "");
    const mrp = part.split(";");
    const sp = mrp[0]!.split("/");
    const type = sp[0]!.replace(/^ +| +$/g, "");
    let subType: string;
    if (sp.length === 1 && type === "*") subType = "*";
    else if (sp.length === 2) subType = sp[1]!.replace(/^ +| +$/g, "");
    else continue;
    const clause: AcceptClause = { type, subType, q: 1, params: new Map() };
    for (const param of mrp.slice(1)) {
      const eq = param.indexOf("=");
      if (eq < 0) continue;
      const token = param.slice(0, eq).replace(/^ +| +$/g, "");
      const value = param.slice(eq + 1);
      if (token === "q") {
        // strconv.ParseFloat: the whole value must be a number, else q is 0.
        clause.q = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : 0;
      } else clause.params.set(token, value.replace(/^ +| +$/g, ""));
    }
    out.push(clause);
  }
  // sort.Sort over accept_slice; on the few clauses of a header that is an insertion sort.
  const less = (a: AcceptClause, b: AcceptClause): boolean => a.q > b.q || (a.type !== "*" && b.type === "*") || (a.subType !== "*" && b.subType === "*");
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j]!, out[j - 1]!); j--) [out[j], out[j - 1]] = [out[j - 1]!, out[j]!];
  }
  return out;
}

