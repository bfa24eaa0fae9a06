import { expect } from "chai";
import { RecordIODecoder, encodeRecord, readRecords } from "../../src/mesos/recordio.js";

describe("RecordIO (docs/recordio.md)", () => {
  it("frames a record as its byte length, a line feed and the bytes", () => {
    expect(encodeRecord('{"type":"HEARTBEAT"}').toString()).to.equal('20\n{"type":"HEARTBEAT"}');
    // The length counts UTF-8 bytes, not characters.
    expect(encodeRecord("é").toString()).to.equal("2\né");
  });

  it("decodes records whatever the chunk boundaries", () => {
    const stream = Buffer.concat([encodeRecord('{"a":"ü"}'), encodeRecord(""), encodeRecord('{"type":"HEARTBEAT"}')]);
    for (let size = 1; size <= stream.length; size++) {
      const d = new RecordIODecoder();
      const out: string[] = [];
      for (let i = 0; i < stream.length; i += size) out.push(...d.decode(stream.subarray(i, i + size)).map((b) => b.toString()));
      expect(out).to.deep.equal(['{"a":"ü"}', "", '{"type":"HEARTBEAT"}']);
      expect(d.pending).to.equal(0);
    }
  });

  it("rejects a malformed size line and a truncated stream", async () => {
    expect(() => new RecordIODecoder().decode("12x\n")).to.throw(/invalid record size/);
    async function* chunks() {
      yield Buffer.from("10\nabc");
    }
    let err: unknown;
    try {
      for await (const _ of readRecords(chunks())) void _;
    } catch (e) {
      err = e;
    }
    expect(String(err)).to.match(/inside a record/);
  });
});
