/**
 * The client interface controllers and the offer-bridge use to reach the API, the way
 * client-go serves kube-controller-manager: in-process over the Registry, or over HTTP.
 */
import type { V1DeleteOptions } from "@kubernetes/client-node";
import type { KubeObject } from "../types.js";

/** Which resource: group ("" for core), version and plural. */
export interface ResourceRef {
  readonly group: string;
  readonly version: string;
  readonly plural: string;
}

export interface ClientListOptions {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly limit?: number;
  readonly continue?: string;
  readonly resourceVersion?: string;
}

export interface ClientList<T extends KubeObject = KubeObject> {
  readonly items: T[];
  readonly resourceVersion: string;
  readonly continue?: string;
}

export type ClientWatchEvent<T extends KubeObject = KubeObject> =
  | { readonly type: "ADDED" | "MODIFIED" | "DELETED"; readonly object: T }
  | { readonly type: "BOOKMARK"; readonly object: KubeObject }
  /** The watch failed; `code` 410 means relist. */
  | { readonly type: "ERROR"; readonly code: number; readonly message: string };

export interface ClientWatch {
  stop(): void;
}

export type PatchKind = "json" | "merge" | "strategic" | "apply";

export interface ClientWriteOptions {
  readonly fieldManager?: string;
  readonly dryRun?: boolean;
  readonly force?: boolean;
}

/** Errors carry the HTTP code and Status reason. */
export class ApiClientError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export interface ApiClient {
  get<T extends KubeObject = KubeObject>(r: ResourceRef, ns: string, name: string): Promise<T>;
  list<T extends KubeObject = KubeObject>(r: ResourceRef, ns: string, opts?: ClientListOptions): Promise<ClientList<T>>;
  /** Events after resourceVersion (or the current state first when absent). */
  watch<T extends KubeObject = KubeObject>(r: ResourceRef, ns: string, opts: ClientListOptions, onEvent: (ev: ClientWatchEvent<T>) => void): Promise<ClientWatch>;
  /** With `subresource` ("binding"): POST to that subresource of the object named by obj.metadata.name (client-go's Pods().Bind). */
  create<T extends KubeObject = KubeObject>(r: ResourceRef, ns: string, obj: T, opts?: ClientWriteOptions & { subresource?: string }): Promise<T>;
  update<T extends KubeObject = KubeObject>(r: ResourceRef, ns: string, obj: T, opts?: ClientWriteOptions & { subresource?: string }): Promise<T>;
  patch<T extends KubeObject = KubeObject>(r: ResourceRef, ns: string, name: string, kind: PatchKind, patch: unknown, opts?: ClientWriteOptions & { subresource?: string }): Promise<T>;
  /** Resolves with the object when deletion is pending (finalizers, grace), undefined when it is gone. */
  delete(r: ResourceRef, ns: string, name: string, opts?: V1DeleteOptions): Promise<KubeObject | undefined>;
}
