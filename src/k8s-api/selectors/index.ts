/**
 * Label and field selectors, as k8s.io/apimachinery parses, matches and prints them, and
 * the field labels each resource supports in kube-apiserver v1.35.
 */
export {
  compileLabelSelector,
  parseLabelSelector,
  newRequirement,
  matchesRequirement,
  requirementString,
  matcherFromRequirements,
  everything,
  nothing,
  labelSelectorAsMatcher,
  selectorString,
  formatLabelSelector,
  selectorFromSet,
  labelsString,
  formatLabels,
  type Operator,
  type Requirement,
  type Labels,
  type LabelMatcher,
  type LabelSelectorLike,
} from "./labels.js";
export {
  compileFieldSelector,
  parseFieldSelector,
  convertFieldLabel,
  fieldLabels,
  fieldValues,
  escapeFieldValue,
  type FieldRequirement,
  type FieldSet,
  type FieldMatcher,
} from "./fields.js";
export { coreEventView, type CoreEvent, type ObjectReference } from "./event-view.js";
