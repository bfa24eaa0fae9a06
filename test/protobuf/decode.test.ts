/**
 * decodeProtobufObject on hand-built messages: the special encodings (Time, MicroTime,
 * Duration, Quantity, IntOrString, bytes, RawExtension, FieldsV1), Go's omitempty/pointer/inline
 * rules, the kinds outside the served groups (DeleteOptions, Eviction, Scale, Binding) and errors.
 * Expected objects match what apimachinery's protobuf serializer + encoding/json produce.
 */
import { expect } from "chai";
import { StatusError } from "../../src/k8s-api/errors.js";
import { decodeProtobufObject } from "../../src/k8s-api/protobuf/index.js";
import { lookupMessage } from "../../src/k8s-api/protobuf/schema.js";
import { goDuration, messageToJson } from "../../src/k8s-api/protobuf/to-json.js";
import { decodeObjectBody } from "../../src/k8s-api/server/body.js";

const MAGIC = Buffer.from("k8s\0", "latin1");

function encode(typeName: string, obj: Record<string, unknown>): Uint8Array {
  const t = lookupMessage(typeName);
  if (!t) throw new Error(`no message ${typeName}`);
  return t.encode(t.fromObject(obj)).finish();
}

/** A protobuf request body: magic + runtime.Unknown{typeMeta, raw}. */
function body(apiVersion: string, kind: string, typeName: string, obj: Record<string, unknown>): Buffer {
  const raw = encode(typeName, obj);
  return Buffer.concat([MAGIC, encode("k8s.io.apimachinery.pkg.runtime.Unknown", { typeMeta: { apiVersion, kind }, raw })]);
}

function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(StatusError);
    return e as StatusError;
  }
  throw new Error("expected a StatusError");
}

describe("protobuf: decoding", () => {
  it("the example ConfigMap body from the issue", () => {
    const hex = "6b387300 0a0f0a027631120943 6f6e6669674d6170121c0a120a027832120 01a00220 02a0032003800420012060a016112016 21a002200".replace(/ /g, "");
    expect(decodeProtobufObject(Buffer.from(hex, "hex"))).to.deep.equal({ kind: "ConfigMap", apiVersion: "v1", metadata: { name: "x2" }, data: { a: "b" } });
  });

  it("metav1.Time: RFC 3339 seconds in UTC (nanos dropped); empty message is null; zero creationTimestamp omitted (omitzero)", () => {
    const obj = decodeProtobufObject(
      body("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap", {
        metadata: { name: "t", creationTimestamp: {}, deletionTimestamp: { seconds: 1715000000, nanos: 999 }, generation: 0 },
      }),
    );
    expect(obj).to.deep.equal({ kind: "ConfigMap", apiVersion: "v1", metadata: { name: "t", deletionTimestamp: "2024-05-06T12:53:20Z" } });
    const empty = decodeProtobufObject(body("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap", { metadata: { name: "t", deletionTimestamp: {} } }));
    // A present pointer to the zero Time is written as null, as encoding/json does.
    expect(empty).to.deep.equal({ kind: "ConfigMap", apiVersion: "v1", metadata: { name: "t", deletionTimestamp: null } });
  });

  it("metav1.MicroTime: six fractional digits; int64 fields are numbers", () => {
    const obj = decodeProtobufObject(
      body("coordination.k8s.io/v1", "Lease", "k8s.io.api.coordination.v1.Lease", {
        metadata: { name: "l", generation: 7 },
        spec: { holderIdentity: "h", leaseDurationSeconds: 15, acquireTime: { seconds: 1715000000, nanos: 123456789 }, renewTime: { seconds: 1715000001 }, leaseTransitions: 0 },
      }),
    );
    expect(obj).to.deep.equal({
      kind: "Lease",
      apiVersion: "coordination.k8s.io/v1",
      metadata: { name: "l", generation: 7 },
      spec: { holderIdentity: "h", leaseDurationSeconds: 15, acquireTime: "2024-05-06T12:53:20.123456Z", renewTime: "2024-05-06T12:53:21.000000Z", leaseTransitions: 0 },
    });
  });

  it("metav1.Duration: Go's time.Duration string", () => {
    const t = lookupMessage("k8s.io.apimachinery.pkg.apis.meta.v1.Duration")!;
    expect(messageToJson(t, { duration: 90_500_000_000 })).to.equal("1m30.5s");
    expect(messageToJson(t, {})).to.equal("0s");
    expect(goDuration(0n)).to.equal("0s");
    expect(goDuration(1n)).to.equal("1ns");
    expect(goDuration(1_500n)).to.equal("1.5µs");
    expect(goDuration(300_000_000n)).to.equal("300ms");
    expect(goDuration(3_600_000_000_000n)).to.equal("1h0m0s");
    expect(goDuration(3_723_000_000_001n)).to.equal("1h2m3.000000001s");
    expect(goDuration(-2_000_000_000n)).to.equal("-2s");
  });

  it("resource.Quantity: its string; IntOrString: number or string (zero value 0)", () => {
    const obj = decodeProtobufObject(
      body("v1", "Service", "k8s.io.api.core.v1.Service", {
        metadata: { name: "s" },
        spec: {
          ports: [
            { port: 80, targetPort: { type: 0, intVal: 8080 } },
            { name: "b", port: 81, targetPort: { type: 1, strVal: "http" } },
            { name: "c", port: 82 },
          ],
        },
      }),
    ) as { spec: { ports: unknown[] } };
    expect(obj.spec.ports).to.deep.equal([
      { port: 80, targetPort: 8080 },
      { name: "b", port: 81, targetPort: "http" },
      { name: "c", port: 82, targetPort: 0 },
    ]);
    const pod = decodeProtobufObject(
      body("v1", "Pod", "k8s.io.api.core.v1.Pod", {
        metadata: { name: "p" },
        spec: { containers: [{ name: "c", image: "i", resources: { limits: { cpu: { string: "500m" }, memory: { string: "128Mi" } }, requests: { cpu: {} } } }] },
      }),
    ) as { spec: { containers: { resources: unknown }[] } };
    expect(pod.spec.containers[0]!.resources).to.deep.equal({ limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "0" } });
  });

  it("bytes: Secret.data and ConfigMap.binaryData as base64 (empty values kept in maps)", () => {
    const secret = decodeProtobufObject(
      body("v1", "Secret", "k8s.io.api.core.v1.Secret", { metadata: { name: "s" }, data: { a: Buffer.from("hello"), e: Buffer.alloc(0) }, stringData: {}, type: "Opaque" }),
    );
    expect(secret).to.deep.equal({ kind: "Secret", apiVersion: "v1", metadata: { name: "s" }, data: { a: "aGVsbG8=", e: "" }, type: "Opaque" });
    const cm = decodeProtobufObject(body("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap", { metadata: { name: "c" }, binaryData: { b: Buffer.from([0, 255]) } }));
    expect(cm).to.deep.equal({ kind: "ConfigMap", apiVersion: "v1", metadata: { name: "c" }, binaryData: { b: "AP8=" } });
  });

  it("RawExtension and FieldsV1 carry JSON", () => {
    const cr = decodeProtobufObject(
      body("apps/v1", "ControllerRevision", "k8s.io.api.apps.v1.ControllerRevision", {
        metadata: {
          name: "r",
          managedFields: [{ manager: "m", operation: "Update", apiVersion: "apps/v1", time: { seconds: 0 }, fieldsType: "FieldsV1", fieldsV1: { Raw: Buffer.from('{"f:data":{}}') } }],
        },
        data: { raw: Buffer.from('{"spec":{"x":1}}') },
        revision: 3,
      }),
    );
    expect(cr).to.deep.equal({
      kind: "ControllerRevision",
      apiVersion: "apps/v1",
      metadata: { name: "r", managedFields: [{ manager: "m", operation: "Update", apiVersion: "apps/v1", time: "1970-01-01T00:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:data": {} } }] },
      data: { spec: { x: 1 } },
      revision: 3,
    });
  });

  it("Go JSON rules: omitempty zero values dropped, non-omitempty kept, pointers kept when zero, inline embeds flattened", () => {
    const pod = decodeProtobufObject(
      body("v1", "Pod", "k8s.io.api.core.v1.Pod", {
        metadata: { name: "p", generateName: "", namespace: "", labels: {} },
        spec: {
          volumes: [{ name: "v", volumeSource: { emptyDir: {} } }],
          containers: [
            {
              name: "",
              image: "i",
              stdin: false,
              livenessProbe: { handler: { tcpSocket: { port: { type: 0, intVal: 80 } } }, periodSeconds: 0 },
            },
          ],
          ephemeralContainers: [{ ephemeralContainerCommon: { name: "dbg", image: "busybox" }, targetContainerName: "c" }],
          automountServiceAccountToken: false,
          activeDeadlineSeconds: 0,
          hostNetwork: false,
        },
      }),
    );
    expect(pod).to.deep.equal({
      kind: "Pod",
      apiVersion: "v1",
      metadata: { name: "p" },
      spec: {
        volumes: [{ name: "v", emptyDir: {} }],
        containers: [{ name: "", image: "i", resources: {}, livenessProbe: { tcpSocket: { port: 80 } } }],
        ephemeralContainers: [{ name: "dbg", image: "busybox", resources: {}, targetContainerName: "c" }],
        activeDeadlineSeconds: 0,
        automountServiceAccountToken: false,
      },
      status: {},
    });
  });

  it("DeleteOptions (in any group version or meta.k8s.io), Eviction, Scale and Binding", () => {
    const del = { gracePeriodSeconds: 0, propagationPolicy: "Foreground", preconditions: { uid: "u" }, dryRun: ["All"] };
    for (const apiVersion of ["v1", "apps/v1", "meta.k8s.io/v1"])
      expect(decodeProtobufObject(body(apiVersion, "DeleteOptions", "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions", del))).to.deep.equal({
        kind: "DeleteOptions",
        apiVersion,
        gracePeriodSeconds: 0,
        preconditions: { uid: "u" },
        propagationPolicy: "Foreground",
        dryRun: ["All"],
      });
    expect(decodeProtobufObject(body("policy/v1", "Eviction", "k8s.io.api.policy.v1.Eviction", { metadata: { name: "p", namespace: "default" }, deleteOptions: { gracePeriodSeconds: 30 } }))).to.deep.equal({
      kind: "Eviction",
      apiVersion: "policy/v1",
      metadata: { name: "p", namespace: "default" },
      deleteOptions: { gracePeriodSeconds: 30 },
    });
    expect(decodeProtobufObject(body("autoscaling/v1", "Scale", "k8s.io.api.autoscaling.v1.Scale", { metadata: { name: "d", resourceVersion: "3" }, spec: { replicas: 0 }, status: { replicas: 2, selector: "a=b" } }))).to.deep.equal({
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      metadata: { name: "d", resourceVersion: "3" },
      spec: {},
      status: { replicas: 2, selector: "a=b" },
    });
    expect(decodeProtobufObject(body("v1", "Binding", "k8s.io.api.core.v1.Binding", { metadata: { name: "p" }, target: { kind: "Node", name: "n1" } }))).to.deep.equal({
      kind: "Binding",
      apiVersion: "v1",
      metadata: { name: "p" },
      target: { kind: "Node", name: "n1" },
    });
  });

  it("errors: empty, bad magic, truncated, missing kind and unregistered kinds are 400 BadRequest", () => {
    expect(statusError(() => decodeProtobufObject(Buffer.alloc(0))).code).to.equal(400);
    const magic = statusError(() => decodeProtobufObject(Buffer.from('{"kind":"ConfigMap"}')));
    expect(magic.code).to.equal(400);
    expect(magic.message).to.equal("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
    const good = body("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap", { metadata: { name: "x" }, data: { a: "b" } });
    const truncated = statusError(() => decodeProtobufObject(good.subarray(0, good.length - 3)));
    expect(truncated.code).to.equal(400);
    expect(truncated.reason).to.equal("BadRequest");
    const noKind = Buffer.concat([MAGIC, encode("k8s.io.apimachinery.pkg.runtime.Unknown", { typeMeta: { apiVersion: "v1" }, raw: Buffer.alloc(0) })]);
    expect(statusError(() => decodeProtobufObject(noKind)).code).to.equal(400);
    const unknownKind = Buffer.concat([MAGIC, encode("k8s.io.apimachinery.pkg.runtime.Unknown", { typeMeta: { apiVersion: "v1", kind: "Widget" }, raw: Buffer.alloc(0) })]);
    const e = statusError(() => decodeProtobufObject(unknownKind));
    expect(e.code).to.equal(400);
    expect(e.message).to.equal('no kind "Widget" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"');
    const unknownVersion = Buffer.concat([MAGIC, encode("k8s.io.apimachinery.pkg.runtime.Unknown", { typeMeta: { apiVersion: "apps/v1beta1", kind: "Deployment" }, raw: Buffer.alloc(0) })]);
    expect(statusError(() => decodeProtobufObject(unknownVersion)).message).to.match(/^no kind "Deployment" is registered for version "apps\/v1beta1"/);
  });

  it("decodeObjectBody accepts application/vnd.kubernetes.protobuf and lists it in the 415 message", () => {
    const b = body("v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap", { metadata: { name: "x" }, data: { a: "b" } });
    expect(decodeObjectBody(b, "application/vnd.kubernetes.protobuf")).to.deep.equal({ kind: "ConfigMap", apiVersion: "v1", metadata: { name: "x" }, data: { a: "b" } });
    const e = statusError(() => decodeObjectBody(b, "application/octet-stream"));
    expect(e.code).to.equal(415);
    expect(e.message).to.equal("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
  });
});
