/** Printers of apps/v1 kinds, after pkg/printers/internalversion/printers.go (v1.35). */
import { StatusError, internalError } from "../errors.js";
import { formatLabels, formatLabelSelector, selectorString } from "../selectors/labels.js";
import { age, cells, int, layoutContainerCells, meta, nameOf } from "./util.js";
import { ageColumn, col, containersColumn, imagesColumn, nameColumn, type PrintHandler } from "./types.js";
import { view, type Workload } from "./shapes.js";

const deployments: PrintHandler = {
  columns: [
    nameColumn,
    col("Ready", "string", { text: "Number of the pod with ready state" }),
    col("Up-to-date", "string", "extensions/v1beta1 DeploymentStatus.updatedReplicas"),
    col("Available", "string", "extensions/v1beta1 DeploymentStatus.availableReplicas"),
    ageColumn,
    containersColumn(1),
    imagesColumn(1),
    col("Selector", "string", "extensions/v1beta1 DeploymentSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const d = view<Workload>(obj);
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    // printDeployment prints LabelSelectorAsSelector(...).String(), "<invalid>" on error.
    let selector: string;
    try {
      selector = selectorString(d.spec?.selector);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      selector = "<invalid>";
    }
    const s = d.status ?? {};
    return {
      cells: cells(nameOf(d), `${int(s.readyReplicas)}/${int(d.spec?.replicas ?? 1)}`, int(s.updatedReplicas), int(s.availableReplicas), age(d, now), names, images, selector),
    };
  },
};

const replicaSets: PrintHandler = {
  columns: [
    nameColumn,
    col("Desired", "integer", "extensions/v1beta1 ReplicaSetSpec.replicas"),
    col("Current", "integer", "extensions/v1beta1 ReplicaSetStatus.replicas"),
    col("Ready", "integer", "extensions/v1beta1 ReplicaSetStatus.readyReplicas"),
    ageColumn,
    containersColumn(1),
    imagesColumn(1),
    col("Selector", "string", "extensions/v1beta1 ReplicaSetSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const rs = view<Workload>(obj);
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return {
      cells: cells(nameOf(rs), int(rs.spec?.replicas ?? 1), int(rs.status?.replicas), int(rs.status?.readyReplicas), age(rs, now), names, images, formatLabelSelector(rs.spec?.selector)),
    };
  },
};

const statefulSets: PrintHandler = {
  columns: [nameColumn, col("Ready", "string", { text: "Number of the pod with ready state" }), ageColumn, containersColumn(1), imagesColumn(1)],
  row(obj, { now }) {
    const sts = view<Workload>(obj);
    const [names, images] = layoutContainerCells(sts.spec?.template?.spec?.containers);
    return { cells: cells(nameOf(sts), `${int(sts.status?.readyReplicas)}/${int(sts.spec?.replicas ?? 1)}`, age(sts, now), names, images) };
  },
};

const daemonSets: PrintHandler = {
  columns: [
    nameColumn,
    col("Desired", "integer", "extensions/v1beta1 DaemonSetStatus.desiredNumberScheduled"),
    col("Current", "integer", "extensions/v1beta1 DaemonSetStatus.currentNumberScheduled"),
    col("Ready", "integer", "extensions/v1beta1 DaemonSetStatus.numberReady"),
    col("Up-to-date", "integer", "extensions/v1beta1 DaemonSetStatus.updatedNumberScheduled"),
    col("Available", "integer", "extensions/v1beta1 DaemonSetStatus.numberAvailable"),
    col("Node Selector", "string", "core/v1 PodSpec.nodeSelector"),
    ageColumn,
    containersColumn(1),
    imagesColumn(1),
    col("Selector", "string", "extensions/v1beta1 DaemonSetSpec.selector", { priority: 1 }),
  ],
  row(obj, { now }) {
    const ds = view<Workload>(obj);
    const s = ds.status ?? {};
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return {
      cells: cells(
        nameOf(ds),
        int(s.desiredNumberScheduled),
        int(s.currentNumberScheduled),
        int(s.numberReady),
        int(s.updatedNumberScheduled),
        int(s.numberAvailable),
        formatLabels(ds.spec?.template?.spec?.nodeSelector),
        age(ds, now),
        names,
        images,
        formatLabelSelector(ds.spec?.selector),
      ),
    };
  },
};

/** schema.ParseGroupVersion: "" is empty, "v1" the core group, "g/v" a group; anything else fails. */
function groupOfApiVersion(apiVersion: string): string {
  if (apiVersion === "" || apiVersion === "/") return "";
  const parts = apiVersion.split("/");
  if (parts.length === 1) return "";
  if (parts.length === 2) return parts[0]!;
  throw internalError(`unexpected GroupVersion string: ${apiVersion}`);
}

const controllerRevisions: PrintHandler = {
  columns: [
    nameColumn,
    col("Controller", "string", { text: "Controller of the object" }),
    col("Revision", "string", "apps/v1beta1 ControllerRevision.revision"),
    ageColumn,
  ],
  row(obj, { now }) {
    const ref = (meta(obj).ownerReferences ?? []).find((r) => r.controller === true);
    let controllerName = "<none>";
    if (ref) {
      // formatResourceName(GroupKind, name, withKind): "<kind>.<group>/<name>", lower-cased kind part.
      const group = groupOfApiVersion(ref.apiVersion ?? "");
      const kind = ref.kind ?? "";
      const gk = group ? `${kind}.${group}` : kind;
      controllerName = group === "" && kind === "" ? (ref.name ?? "") : `${gk.toLowerCase()}/${ref.name ?? ""}`;
    }
    return { cells: cells(nameOf(obj), controllerName, int((obj as { revision?: unknown }).revision), age(obj, now)) };
  },
};

/** Printers of apps/v1, keyed by kind. */
export const appsPrinters: ReadonlyMap<string, PrintHandler> = new Map([
  ["Deployment", deployments],
  ["ReplicaSet", replicaSets],
  ["StatefulSet", statefulSets],
  ["DaemonSet", daemonSets],
  ["ControllerRevision", controllerRevisions],
]);
