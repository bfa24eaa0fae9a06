/**
 * The local image catalog (DESIGN.md decision 6). berth pulls no images: a container runs
 * its command on the host in its sandbox. A container that names no command runs what
 * its image would (ENTRYPOINT + CMD) when the catalog knows that image; otherwise it
 * cannot run and gets a waiting reason, never a silent success.
 */

export interface ImageEntry {
  /** Docker's ENTRYPOINT. */
  readonly entrypoint: readonly string[];
  /** Docker's CMD (replaced by the container's args). */
  readonly cmd: readonly string[];
}

export type ImageCatalog = ReadonlyMap<string, ImageEntry>;

/** Images whose entrypoint a host shell can stand in for. */
export const BUILTIN_IMAGES: ImageCatalog = new Map<string, ImageEntry>([
  ["busybox", { entrypoint: [], cmd: ["sh"] }],
  ["alpine", { entrypoint: [], cmd: ["/bin/sh"] }],
  ["ubuntu", { entrypoint: [], cmd: ["/bin/bash"] }],
  ["debian", { entrypoint: [], cmd: ["bash"] }],
  // The pause container only holds the pod's namespaces; here it just sleeps.
  ["registry.k8s.io/pause", { entrypoint: ["sleep", "infinity"], cmd: [] }],
]);

/** "docker.io/library/busybox:1.36@sha256:..." -> "busybox". */
export function imageRepository(image: string): string {
  let name = image.trim();
  const at = name.indexOf("@");
  if (at >= 0) name = name.slice(0, at);
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) name = name.slice(0, colon);
  for (const prefix of ["docker.io/", "index.docker.io/", "library/"]) if (name.startsWith(prefix)) name = name.slice(prefix.length);
  return name;
}

/**
 * The argv a container runs, as the container runtime composes it: command replaces the
 * image's ENTRYPOINT, args its CMD. A string is the reason it cannot run.
 */
export function containerArgv(c: { image?: string; command?: string[]; args?: string[] }, catalog: ImageCatalog): string[] | string {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  const image = c.image ?? "";
  const entry = catalog.get(imageRepository(image));
  if (!entry) return `berth cannot run image ${JSON.stringify(image)}: no command and no catalog entry`;
  const argv = [...entry.entrypoint, ...(c.args?.length ? c.args : entry.cmd)];
  if (!argv.length) return `berth cannot run image ${JSON.stringify(image)}: its catalog entry has no entrypoint and the container no args`;
  return argv;
}
