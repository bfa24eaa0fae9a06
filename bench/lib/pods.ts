/** The API benchmark's pods: scheduler_perf's pod-default template with a few labels. */
export const BENCH_NAMESPACE = "bench";
export const BENCH_SHARDS = 100;

/** scheduler_perf's pod-default (pause, 100m / 500Mi requests and limits, a port) with three labels. */
export function benchPod(name: string, i: number) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { app: "bench", shard: String(i % BENCH_SHARDS), tier: i % 3 === 0 ? "frontend" : "backend" } },
    spec: {
      containers: [
        {
          name: "pause",
          image: "registry.k8s.io/pause:3.10",
          ports: [{ containerPort: 80 }],
          resources: { requests: { cpu: "100m", memory: "500Mi" }, limits: { cpu: "100m", memory: "500Mi" } },
        },
      ],
    },
  };
}

export const benchPodName = (i: number) => `pod-${String(i).padStart(6, "0")}`;
