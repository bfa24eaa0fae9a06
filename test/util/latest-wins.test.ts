import { expect } from "chai";
import { LatestWins } from "../../src/util/latest-wins.js";

/** A send whose calls finish only when the test says so. */
function gatedSend() {
  const sent: string[] = [];
  const gates: (() => void)[] = [];
  const send = (v: string) => {
    sent.push(v);
    return new Promise<void>((r) => gates.push(r));
  };
  const finishNext = async () => {
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { sent, send, finishNext, open: () => gates.length };
}

describe("util: LatestWins", () => {
  it("sends one value at a time, in the order asked", async () => {
    const g = gatedSend();
    const lw = new LatestWins<string>(g.send);
    void lw.request("SUPPRESS");
    void lw.request("REVIVE");
    expect(g.sent).to.deep.equal(["SUPPRESS"]);
    await g.finishNext();
    expect(g.sent).to.deep.equal(["SUPPRESS", "REVIVE"]);
    expect(g.open()).to.equal(1);
  });

  it("keeps at most one value waiting: a newer request replaces it, and both requests settle with that send", async () => {
    const g = gatedSend();
    const lw = new LatestWins<string>(g.send);
    const settled: string[] = [];
    void lw.request("a").then(() => settled.push("a"));
    for (let i = 0; i < 100; i++) void lw.request(`revive-${i}`).then(() => settled.push(`r${i}`));
    void lw.request("last").then(() => settled.push("last"));
    await g.finishNext();
    expect(settled).to.deep.equal(["a"]);
    expect(g.sent).to.deep.equal(["a", "last"]);
    await g.finishNext();
    expect(settled).to.have.length(102);
    expect(g.sent).to.deep.equal(["a", "last"]);
  });

  it("starts again after going idle, and a failed send does not stop the next", async () => {
    const sent: string[] = [];
    const lw = new LatestWins<string>(async (v) => {
      sent.push(v);
      if (v === "bad") throw new Error("no answer");
    });
    await lw.request("bad");
    await lw.request("good");
    expect(sent).to.deep.equal(["bad", "good"]);
  });
});
