/**
 * One HTTP GET on a fresh connection, for tests of Services: the userspace proxy balances
 * connections, not requests, so a pooled keep-alive connection would stick to one backend.
 * Resolves with the body, or undefined when nothing answers within timeoutMs.
 */
import { get as httpGet } from "node:http";

export function freshGet(url: string, timeoutMs = 3000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = httpGet(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve(body));
      res.on("error", () => resolve(undefined));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
  });
}
