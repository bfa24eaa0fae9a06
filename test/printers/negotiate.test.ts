import { expect } from "chai";
import { StatusError } from "../../src/k8s-api/errors.js";
import {
  asPartialObjectMetadata,
  asPartialObjectMetadataList,
  includeObjectFrom,
  negotiateAs,
  partialMetadataMismatch,
} from "../../src/k8s-api/printers/index.js";

describe("printers: Accept negotiation (negotiateAs)", () => {
  const cases: [string | undefined, ReturnType<typeof negotiateAs>][] = [
    [undefined, { as: "Object", mediaType: "application/json", pretty: false }],
    ["", { as: "Object", mediaType: "application/json", pretty: false }],
    ["application/json", { as: "Object", mediaType: "application/json", pretty: false }],
    ["*/*", { as: "Object", mediaType: "application/json", pretty: false }],
    ["application/*", { as: "Object", mediaType: "application/json", pretty: false }],
    // kubectl get
    [
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json",
      { as: "Table", version: "v1", mediaType: "application/json", pretty: false },
    ],
    ["application/json;as=Table;v=v1beta1;g=meta.k8s.io", { as: "Table", version: "v1beta1", mediaType: "application/json", pretty: false }],
    // client-go metadata client (garbage collector, helm)
    [
      "application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json",
      { as: "PartialObjectMetadataList", version: "v1", mediaType: "application/json", pretty: false },
    ],
    ["application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1", { as: "PartialObjectMetadata", version: "v1", mediaType: "application/json", pretty: false }],
    // client-go's default with protobuf first, which we do not write
    ["application/vnd.kubernetes.protobuf, */*", { as: "Object", mediaType: "application/json", pretty: false }],
    // a Table for another group, or without g/v, is not acceptable: the next clause wins
    ["application/json;as=Table;v=v1;g=example.com,application/json", { as: "Object", mediaType: "application/json", pretty: false }],
    ["application/json;as=Table,application/json", { as: "Object", mediaType: "application/json", pretty: false }],
    ["application/json;as=Foo;v=v1;g=meta.k8s.io,application/json", { as: "Object", mediaType: "application/json", pretty: false }],
    // q values order the clauses
    ["application/json;q=0.5,application/json;as=Table;v=v1;g=meta.k8s.io", { as: "Table", version: "v1", mediaType: "application/json", pretty: false }],
    // watch streams
    ["application/json;stream=watch", { as: "Object", mediaType: "application/json", pretty: false, stream: "watch" }],
    ["application/json;as=Table;v=v1;g=meta.k8s.io;stream=watch", { as: "Table", version: "v1", mediaType: "application/json", pretty: false, stream: "watch" }],
    ["application/json;pretty=1", { as: "Object", mediaType: "application/json", pretty: true }],
    ["application/json;profile=x;charset=utf-8", { as: "Object", mediaType: "application/json", pretty: false }],
  ];
  for (const [accept, want] of cases) it(`${JSON.stringify(accept)}`, () => expect(negotiateAs(accept)).to.deep.equal(want));

  it("serves yaml Tables when yaml is offered", () => {
    expect(negotiateAs("application/yaml;as=Table;v=v1;g=meta.k8s.io", { mediaTypes: ["application/json", "application/yaml"] })).to.deep.equal({
      as: "Table",
      version: "v1",
      mediaType: "application/yaml",
      pretty: false,
    });
  });

  it("406 when nothing fits", () => {
    for (const accept of ["text/html", "application/json;as=Table;v=v2;g=meta.k8s.io", "application/json;stream=other", "application/vnd.kubernetes.protobuf"]) {
      let err: unknown;
      try {
        negotiateAs(accept);
      } catch (e) {
        err = e;
      }
      expect(err, accept).to.be.instanceOf(StatusError);
      expect((err as StatusError).code).to.equal(406);
      expect((err as StatusError).reason).to.equal("NotAcceptable");
      expect((err as StatusError).message).to.equal("only the following media types are accepted: application/json");
    }
  });
});

describe("printers: includeObject and PartialObjectMetadata", () => {
  it("includeObject values", () => {
    expect(includeObjectFrom(null)).to.equal("");
    expect(includeObjectFrom("Object")).to.equal("Object");
    expect(() => includeObjectFrom("all")).to.throw(
      StatusError,
      `Unable to convert to Table as requested: includeObject: Invalid value: "all": must be 'Metadata', 'Object', 'None', or empty`,
    );
  });

  it("PartialObjectMetadata(List)", () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "d" }, spec: {} };
    expect(asPartialObjectMetadata(pod)).to.deep.equal({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: { name: "p", namespace: "d" } });
    expect(asPartialObjectMetadataList([pod], { resourceVersion: "3", continue: "" }, "v1beta1")).to.deep.equal({
      kind: "PartialObjectMetadataList",
      apiVersion: "meta.k8s.io/v1beta1",
      metadata: { resourceVersion: "3" },
      items: [{ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1beta1", metadata: { name: "p", namespace: "d" } }],
    });
  });

  it("406 for a list asked as PartialObjectMetadata and the reverse", () => {
    const e1 = partialMetadataMismatch({ group: "", kind: "Pod" }, "PartialObjectMetadata");
    expect(e1.code).to.equal(406);
    expect(e1.message).to.equal("you requested PartialObjectMetadata, but the requested object is a list (*core.PodList)");
    expect(partialMetadataMismatch({ group: "apps", kind: "Deployment" }, "PartialObjectMetadataList").message).to.equal(
      "you requested PartialObjectMetadataList, but the requested object is not a list (*apps.Deployment)",
    );
  });
});
