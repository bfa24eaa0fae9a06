import { expect } from "chai";
import type { V1ObjectMeta } from "@kubernetes/client-node";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../src/k8s-api/validation/meta.js";
import { lines } from "./helpers.js";

const ns = { namespaced: true };

describe("validation: ObjectMeta", () => {
  const cases: { name: string; meta: V1ObjectMeta; opts?: { namespaced: boolean; nameFn?: (n: string) => string[] }; want: string[] }[] = [
    { name: "a valid namespaced object", meta: { name: "web", namespace: "default" }, want: [] },
    { name: "no name", meta: { namespace: "default" }, want: ["metadata.name: Required value: name or generateName is required"] },
    {
      name: "an invalid name",
      meta: { name: "Web", namespace: "default" },
      want: [
        `metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    { name: "a generateName ending in a dash", meta: { generateName: "web-", name: "web-x7k2q", namespace: "default" }, want: [] },
    { name: "no namespace", meta: { name: "web" }, want: ["metadata.namespace: Required value"] },
    { name: "a namespace on a cluster-scoped object", meta: { name: "n1", namespace: "default" }, opts: { namespaced: false }, want: ["metadata.namespace: Forbidden: not allowed on this type"] },
    {
      name: "a bad label value",
      meta: { name: "web", namespace: "default", labels: { app: "-web" } },
      want: [
        `metadata.labels: Invalid value: "-web": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    },
    {
      name: "a label key with a bad prefix",
      meta: { name: "web", namespace: "default", labels: { "Example.com/app": "x" } },
      want: [
        `metadata.labels: Invalid value: "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    { name: "annotations over 256 KiB", meta: { name: "web", namespace: "default", annotations: { big: "x".repeat(256 * 1024) } }, want: ["metadata.annotations: Too long: may not be more than 262144 bytes"] },
    {
      name: "an unqualified finalizer",
      meta: { name: "web", namespace: "default", finalizers: ["cleanup"] },
      want: [`metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified`],
    },
    {
      name: "orphan and foreground together",
      meta: { name: "web", namespace: "default", finalizers: ["orphan", "foregroundDeletion"] },
      want: [`metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set`],
    },
    {
      name: "an incomplete owner reference",
      meta: { name: "web", namespace: "default", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "" }] },
      want: [`metadata.ownerReferences.uid: Invalid value: "": must not be empty`],
    },
    {
      name: "two controller owners",
      meta: {
        name: "web",
        namespace: "default",
        ownerReferences: [
          { apiVersion: "apps/v1", kind: "ReplicaSet", name: "a", uid: "1", controller: true },
          { apiVersion: "apps/v1", kind: "ReplicaSet", name: "b", uid: "2", controller: true },
        ],
      },
      want: [],
    },
  ];
  for (const c of cases)
    it(`handles ${c.name}`, () => {
      const got = lines(validateObjectMeta(c.meta, c.opts ?? ns));
      if (c.name === "two controller owners") {
        expect(got).to.have.length(1);
        expect(got[0]).to.match(/^metadata\.ownerReferences: Invalid value: .*: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/);
      } else expect(got).to.deep.equal(c.want);
    });

  it("checks what an update may not change", () => {
    const old: V1ObjectMeta = { name: "web", namespace: "default", uid: "u1", generation: 3, deletionTimestamp: "2025-01-01T00:00:00Z" as unknown as Date, finalizers: ["a.io/x"] };
    expect(lines(validateObjectMetaUpdate({ ...old, uid: "u2", generation: 2, finalizers: ["a.io/x", "b.io/y"] }, old))).to.deep.equal([
      `metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}`,
      "metadata.generation: Invalid value: 2: must not be decremented",
      `metadata.uid: Invalid value: "u2": field is immutable`,
    ]);
    expect(validateObjectMetaUpdate({ ...old, finalizers: [] }, old)).to.deep.equal([]);
  });
});
