/** The offer-bridge's public surface: the kubernetes framework (src/cli wires it up). */
export { startKubeFramework, type KubeFramework, type KubeFrameworkOptions, type PlacementStats } from "./framework.js";
export { BUILTIN_IMAGES, type ImageCatalog, type ImageEntry } from "./images.js";
export { firstFit, decide, type Placement, type NodeCandidate, type Amounts } from "./placement.js";
