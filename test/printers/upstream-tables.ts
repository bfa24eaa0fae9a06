/**
 * What kube-apiserver 1.35 (k8s.io/kubernetes v1.35.2, run as a library) produced for
 * each object of objects.ts: the printers' table with GenerateOptions{Wide: true} (column
 * definitions and rows, after the scheme's defaulting and conversion to the internal type),
 * the GetAttrs field set, and ConvertFieldLabel for each label of fieldLabelsToTry.
 * Times were shifted so that ages are as seen at NOW. Generated; do not edit by hand.
 */

export interface UpstreamTable {
  name: string;
  columns?: { name: string; type: string; format: string; description: string; priority: number }[];
  rows?: { cells: (string | number | boolean)[]; conditions?: { type: string; status: string; reason?: string; message?: string }[] }[];
  tableErr?: string;
  fields: Record<string, string>;
  conversions: Record<string, { ok?: string; err?: string }>;
}

export const upstreamTables: UpstreamTable[] = [
  {
    "name": "pod pending",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "pending",
          "0/1",
          "Pending",
          "0",
          "5s",
          "<none>",
          "<none>",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "pending",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod scheduling-gated",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "scheduling-gated",
          "0/1",
          "SchedulingGated",
          "0",
          "5s",
          "<none>",
          "<none>",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "scheduling-gated",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod container-creating",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "container-creating",
          "0/1",
          "ContainerCreating",
          "0",
          "30s",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "container-creating",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod running-half",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "running-half",
          "1/2",
          "Running",
          "0",
          "3m20s",
          "10.1.0.5",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "running-half",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Running",
      "status.podIP": "10.1.0.5"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod running",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "running",
          "1/1",
          "Running",
          "0",
          "2d3h",
          "10.1.0.6",
          "node-2",
          "node-3",
          "1/2"
        ]
      }
    ],
    "fields": {
      "metadata.name": "running",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-2",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "node-3",
      "status.phase": "Running",
      "status.podIP": "10.1.0.6"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod crashloop",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "crashloop",
          "0/1",
          "CrashLoopBackOff",
          "3 (5m ago)",
          "60m",
          "10.1.0.7",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "crashloop",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Running",
      "status.podIP": "10.1.0.7"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod terminating",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "terminating",
          "1/1",
          "Terminating",
          "0",
          "10m",
          "10.1.0.8",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "terminating",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Running",
      "status.podIP": "10.1.0.8"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod node-lost",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "node-lost",
          "1/1",
          "Unknown",
          "0",
          "10m",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "node-lost",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Running",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod completed",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "completed",
          "0/1",
          "Completed",
          "0",
          "3h20m",
          "10.1.0.9",
          "node-1",
          "<none>",
          "<none>"
        ],
        "conditions": [
          {
            "type": "Completed",
            "status": "True",
            "reason": "Succeeded",
            "message": "The pod has completed successfully."
          }
        ]
      }
    ],
    "fields": {
      "metadata.name": "completed",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Never",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Succeeded",
      "status.podIP": "10.1.0.9"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod failed",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "failed",
          "0/1",
          "ExitCode:2",
          "0",
          "3h",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ],
        "conditions": [
          {
            "type": "Completed",
            "status": "True",
            "reason": "Failed",
            "message": "The pod failed."
          }
        ]
      }
    ],
    "fields": {
      "metadata.name": "failed",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Never",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Failed",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod completed-with-error",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "completed-with-error",
          "0/2",
          "OOMKilled",
          "0",
          "3h",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ],
        "conditions": [
          {
            "type": "Completed",
            "status": "True",
            "reason": "Failed",
            "message": "The pod failed."
          }
        ]
      }
    ],
    "fields": {
      "metadata.name": "completed-with-error",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Never",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Failed",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod signal",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "signal",
          "0/1",
          "Signal:9",
          "1",
          "3h",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "signal",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Running",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod init-pending",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "init-pending",
          "0/1",
          "Init:0/1",
          "0",
          "70s",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "init-pending",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod init-error",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "init-error",
          "0/1",
          "Init:Error",
          "2 (40s ago)",
          "70s",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "init-error",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod init-crashloop",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "init-crashloop",
          "0/1",
          "Init:CrashLoopBackOff",
          "4",
          "70s",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "init-crashloop",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod init-exitcode",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "init-exitcode",
          "0/1",
          "Init:ExitCode:3",
          "0",
          "70s",
          "<none>",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "init-exitcode",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Pending",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod sidecar",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "sidecar",
          "2/2",
          "Running",
          "3 (3m ago)",
          "5m",
          "10.1.0.10",
          "node-1",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "sidecar",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "node-1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "status.nominatedNodeName": "",
      "status.phase": "Running",
      "status.podIP": "10.1.0.10"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "pod bare",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "The aggregate readiness state of this pod for accepting traffic.",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The aggregate status of the containers in this pod.",
        "priority": 0
      },
      {
        "name": "Restarts",
        "type": "string",
        "format": "",
        "description": "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "IP",
        "type": "string",
        "format": "",
        "description": "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
        "priority": 1
      },
      {
        "name": "Node",
        "type": "string",
        "format": "",
        "description": "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
        "priority": 1
      },
      {
        "name": "Nominated Node",
        "type": "string",
        "format": "",
        "description": "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
        "priority": 1
      },
      {
        "name": "Readiness Gates",
        "type": "string",
        "format": "",
        "description": "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "bare",
          "0/1",
          "",
          "0",
          "0s",
          "<none>",
          "<none>",
          "<none>",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "bare",
      "metadata.namespace": "default",
      "spec.hostNetwork": "false",
      "spec.nodeName": "",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "",
      "status.nominatedNodeName": "",
      "status.phase": "",
      "status.podIP": ""
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "ok": "spec.nodeName"
      },
      "spec.hostNetwork": {
        "ok": "spec.hostNetwork"
      },
      "spec.nodeName": {
        "ok": "spec.nodeName"
      },
      "spec.restartPolicy": {
        "ok": "spec.restartPolicy"
      },
      "spec.schedulerName": {
        "ok": "spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "ok": "spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "ok": "status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "ok": "status.podIP"
      },
      "status.podIPs": {
        "ok": "status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service cluster-ip",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "cluster-ip",
          "ClusterIP",
          "10.96.0.10",
          "<none>",
          "80/TCP",
          "3d",
          "app=web,tier=fe"
        ]
      }
    ],
    "fields": {
      "metadata.name": "cluster-ip",
      "metadata.namespace": "default",
      "spec.clusterIP": "10.96.0.10",
      "spec.type": "ClusterIP"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service node-port",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "node-port",
          "NodePort",
          "10.96.0.11",
          "<none>",
          "80:30080/TCP,53:30053/UDP",
          "3d",
          "app=web"
        ]
      }
    ],
    "fields": {
      "metadata.name": "node-port",
      "metadata.namespace": "default",
      "spec.clusterIP": "10.96.0.11",
      "spec.type": "NodePort"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service lb-pending",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "lb-pending",
          "LoadBalancer",
          "10.96.0.12",
          "<pending>",
          "443:31443/TCP",
          "3d",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "lb-pending",
      "metadata.namespace": "default",
      "spec.clusterIP": "10.96.0.12",
      "spec.type": "LoadBalancer"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service lb",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "lb",
          "LoadBalancer",
          "10.96.0.13",
          "203.0.113.1,203.0.113.9,a-very-long-hostname.elb.example.com,192.0.2.7",
          "443:31444/TCP",
          "3d",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "lb",
      "metadata.namespace": "default",
      "spec.clusterIP": "10.96.0.13",
      "spec.type": "LoadBalancer"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service external-name",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "external-name",
          "ExternalName",
          "<none>",
          "db.example.com",
          "<none>",
          "3d",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "external-name",
      "metadata.namespace": "default",
      "spec.clusterIP": "",
      "spec.type": "ExternalName"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service headless",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "headless",
          "ClusterIP",
          "None",
          "<none>",
          "<none>",
          "3d",
          "app=db"
        ]
      }
    ],
    "fields": {
      "metadata.name": "headless",
      "metadata.namespace": "default",
      "spec.clusterIP": "None",
      "spec.type": "ClusterIP"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "service external-ips",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
        "priority": 0
      },
      {
        "name": "Cluster-IP",
        "type": "string",
        "format": "",
        "description": "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
        "priority": 0
      },
      {
        "name": "Port(s)",
        "type": "string",
        "format": "",
        "description": "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "external-ips",
          "ClusterIP",
          "10.96.0.14",
          "198.51.100.1,198.51.100.2",
          "8080/SCTP",
          "3d",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "external-ips",
      "metadata.namespace": "default",
      "spec.clusterIP": "10.96.0.14",
      "spec.type": "ClusterIP"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "ok": "spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "ok": "spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "deployment web",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "Number of the pod with ready state",
        "priority": 0
      },
      {
        "name": "Up-to-date",
        "type": "string",
        "format": "",
        "description": "Total number of non-terminating pods targeted by this deployment that have the desired template spec.",
        "priority": 0
      },
      {
        "name": "Available",
        "type": "string",
        "format": "",
        "description": "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "web",
          "2/3",
          3,
          2,
          "5d",
          "nginx,log",
          "nginx:1.0,log:1.0",
          "app=web,tier in (be,fe)"
        ]
      }
    ],
    "fields": {
      "metadata.name": "web",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "deployment fresh",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "Number of the pod with ready state",
        "priority": 0
      },
      {
        "name": "Up-to-date",
        "type": "string",
        "format": "",
        "description": "Total number of non-terminating pods targeted by this deployment that have the desired template spec.",
        "priority": 0
      },
      {
        "name": "Available",
        "type": "string",
        "format": "",
        "description": "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "fresh",
          "0/0",
          0,
          0,
          "4s",
          "c",
          "c:1.0",
          "app=fresh"
        ]
      }
    ],
    "fields": {
      "metadata.name": "fresh",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "replicaset",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Desired",
        "type": "integer",
        "format": "",
        "description": "Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset",
        "priority": 0
      },
      {
        "name": "Current",
        "type": "integer",
        "format": "",
        "description": "Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "integer",
        "format": "",
        "description": "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "web-5d7f",
          3,
          3,
          1,
          "5d",
          "nginx",
          "nginx:1.0",
          "app=web,pod-template-hash=5d7f"
        ]
      }
    ],
    "fields": {
      "metadata.name": "web-5d7f",
      "metadata.namespace": "default",
      "status.replicas": "3"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "statefulset",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "Number of the pod with ready state",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "db",
          "2/3",
          "9d",
          "postgres",
          "postgres:1.0"
        ]
      }
    ],
    "fields": {
      "metadata.name": "db",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "daemonset",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Desired",
        "type": "integer",
        "format": "",
        "description": "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/",
        "priority": 0
      },
      {
        "name": "Current",
        "type": "integer",
        "format": "",
        "description": "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "integer",
        "format": "",
        "description": "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.",
        "priority": 0
      },
      {
        "name": "Up-to-date",
        "type": "integer",
        "format": "",
        "description": "The total number of nodes that are running updated daemon pod",
        "priority": 0
      },
      {
        "name": "Available",
        "type": "integer",
        "format": "",
        "description": "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)",
        "priority": 0
      },
      {
        "name": "Node Selector",
        "type": "string",
        "format": "",
        "description": "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "agent",
          4,
          4,
          3,
          4,
          3,
          "disk=ssd,kubernetes.io/os=linux",
          "400d",
          "agent",
          "agent:1.0",
          "app=agent"
        ]
      }
    ],
    "fields": {
      "metadata.name": "agent",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "controllerrevision",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Controller",
        "type": "string",
        "format": "",
        "description": "Controller of the object",
        "priority": 0
      },
      {
        "name": "Revision",
        "type": "string",
        "format": "",
        "description": "revision indicates the revision of the state represented by Data.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "db-6c5f",
          "statefulset.apps/db",
          2,
          "9d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "db-6c5f",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "controllerrevision core owner",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Controller",
        "type": "string",
        "format": "",
        "description": "Controller of the object",
        "priority": 0
      },
      {
        "name": "Revision",
        "type": "string",
        "format": "",
        "description": "revision indicates the revision of the state represented by Data.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "x-1",
          "pod/p",
          1,
          "24h"
        ]
      }
    ],
    "fields": {
      "metadata.name": "x-1",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "controllerrevision orphan",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Controller",
        "type": "string",
        "format": "",
        "description": "Controller of the object",
        "priority": 0
      },
      {
        "name": "Revision",
        "type": "string",
        "format": "",
        "description": "revision indicates the revision of the state represented by Data.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "y-1",
          "<none>",
          7,
          "24h"
        ]
      }
    ],
    "fields": {
      "metadata.name": "y-1",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "job complete",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "complete",
          "Complete",
          "3/3",
          "75s",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "complete",
      "metadata.namespace": "default",
      "status.successful": "3"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job running",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "running",
          "Running",
          "1/5",
          "7m",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "running",
      "metadata.namespace": "default",
      "status.successful": "1"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job work-queue",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "work-queue",
          "Running",
          "0/1 of 4",
          "30s",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "work-queue",
      "metadata.namespace": "default",
      "status.successful": "0"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job failed",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "failed",
          "Failed",
          "0/1",
          "60m",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "failed",
      "metadata.namespace": "default",
      "status.successful": "0"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job failure-target",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "failure-target",
          "FailureTarget",
          "0/1",
          "60m",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "failure-target",
      "metadata.namespace": "default",
      "status.successful": "0"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job success-criteria",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "success-criteria",
          "SuccessCriteriaMet",
          "1/1",
          "60m",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "success-criteria",
      "metadata.namespace": "default",
      "status.successful": "1"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job suspended",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "suspended",
          "Suspended",
          "0/1",
          "",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "suspended",
      "metadata.namespace": "default",
      "status.successful": "0"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "job terminating",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "Status of the job.",
        "priority": 0
      },
      {
        "name": "Completions",
        "type": "string",
        "format": "",
        "description": "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.",
        "priority": 0
      },
      {
        "name": "Duration",
        "type": "string",
        "format": "",
        "description": "Time required to complete the job.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "terminating",
          "Terminating",
          "0/1",
          "60m",
          "120m",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "terminating",
      "metadata.namespace": "default",
      "status.successful": "0"
    },
    "conversions": {
      "": {
        "err": "field label \"\" not supported for Job"
      },
      "involvedObject.fieldPath": {
        "err": "field label \"involvedObject.fieldPath\" not supported for Job"
      },
      "involvedObject.kind": {
        "err": "field label \"involvedObject.kind\" not supported for Job"
      },
      "involvedObject.name": {
        "err": "field label \"involvedObject.name\" not supported for Job"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label \"name\" not supported for Job"
      },
      "reason": {
        "err": "field label \"reason\" not supported for Job"
      },
      "regarding.kind": {
        "err": "field label \"regarding.kind\" not supported for Job"
      },
      "regarding.name": {
        "err": "field label \"regarding.name\" not supported for Job"
      },
      "reportingComponent": {
        "err": "field label \"reportingComponent\" not supported for Job"
      },
      "reportingController": {
        "err": "field label \"reportingController\" not supported for Job"
      },
      "source": {
        "err": "field label \"source\" not supported for Job"
      },
      "spec.clusterIP": {
        "err": "field label \"spec.clusterIP\" not supported for Job"
      },
      "spec.foo": {
        "err": "field label \"spec.foo\" not supported for Job"
      },
      "spec.host": {
        "err": "field label \"spec.host\" not supported for Job"
      },
      "spec.hostNetwork": {
        "err": "field label \"spec.hostNetwork\" not supported for Job"
      },
      "spec.nodeName": {
        "err": "field label \"spec.nodeName\" not supported for Job"
      },
      "spec.restartPolicy": {
        "err": "field label \"spec.restartPolicy\" not supported for Job"
      },
      "spec.schedulerName": {
        "err": "field label \"spec.schedulerName\" not supported for Job"
      },
      "spec.serviceAccountName": {
        "err": "field label \"spec.serviceAccountName\" not supported for Job"
      },
      "spec.type": {
        "err": "field label \"spec.type\" not supported for Job"
      },
      "spec.unschedulable": {
        "err": "field label \"spec.unschedulable\" not supported for Job"
      },
      "status.nominatedNodeName": {
        "err": "field label \"status.nominatedNodeName\" not supported for Job"
      },
      "status.phase": {
        "err": "field label \"status.phase\" not supported for Job"
      },
      "status.podIP": {
        "err": "field label \"status.podIP\" not supported for Job"
      },
      "status.podIPs": {
        "err": "field label \"status.podIPs\" not supported for Job"
      },
      "status.replicas": {
        "err": "field label \"status.replicas\" not supported for Job"
      },
      "status.successful": {
        "ok": "status.successful"
      },
      "type": {
        "err": "field label \"type\" not supported for Job"
      }
    }
  },
  {
    "name": "cronjob",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Schedule",
        "type": "string",
        "format": "",
        "description": "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.",
        "priority": 0
      },
      {
        "name": "Timezone",
        "type": "string",
        "format": "",
        "description": "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones",
        "priority": 0
      },
      {
        "name": "Suspend",
        "type": "boolean",
        "format": "",
        "description": "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.",
        "priority": 0
      },
      {
        "name": "Active",
        "type": "integer",
        "format": "",
        "description": "A list of pointers to currently running jobs.",
        "priority": 0
      },
      {
        "name": "Last Schedule",
        "type": "string",
        "format": "",
        "description": "Information when was the last time the job was successfully scheduled.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "nightly",
          "0 2 * * *",
          "Europe/Paris",
          "False",
          1,
          "10h",
          "30d",
          "work",
          "work:1.0",
          "batch.kubernetes.io/controller-uid=uid-j"
        ]
      }
    ],
    "fields": {
      "metadata.name": "nightly",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "cronjob never ran",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Schedule",
        "type": "string",
        "format": "",
        "description": "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.",
        "priority": 0
      },
      {
        "name": "Timezone",
        "type": "string",
        "format": "",
        "description": "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones",
        "priority": 0
      },
      {
        "name": "Suspend",
        "type": "boolean",
        "format": "",
        "description": "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.",
        "priority": 0
      },
      {
        "name": "Active",
        "type": "integer",
        "format": "",
        "description": "A list of pointers to currently running jobs.",
        "priority": 0
      },
      {
        "name": "Last Schedule",
        "type": "string",
        "format": "",
        "description": "Information when was the last time the job was successfully scheduled.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "hourly",
          "@hourly",
          "<none>",
          "True",
          0,
          "<none>",
          "20m",
          "w",
          "w:1.0",
          "<none>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "hourly",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "node cordoned",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The status of the node",
        "priority": 0
      },
      {
        "name": "Roles",
        "type": "string",
        "format": "",
        "description": "The roles of the node",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Version",
        "type": "string",
        "format": "",
        "description": "Kubelet Version reported by the node.",
        "priority": 0
      },
      {
        "name": "Internal-IP",
        "type": "string",
        "format": "",
        "description": "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        "priority": 1
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        "priority": 1
      },
      {
        "name": "OS-Image",
        "type": "string",
        "format": "",
        "description": "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).",
        "priority": 1
      },
      {
        "name": "Kernel-Version",
        "type": "string",
        "format": "",
        "description": "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
        "priority": 1
      },
      {
        "name": "Container-Runtime",
        "type": "string",
        "format": "",
        "description": "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "cordoned",
          "Ready,SchedulingDisabled",
          "control-plane,infra,worker",
          "12d",
          "v1.35.0",
          "192.168.1.10",
          "203.0.113.10",
          "Debian GNU/Linux 12 (bookworm)",
          "6.1.0-18-amd64",
          "berth://0.1.0"
        ]
      }
    ],
    "fields": {
      "metadata.name": "cordoned",
      "spec.unschedulable": "true"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "err": "field label not supported: metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "ok": "spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "node not-ready",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The status of the node",
        "priority": 0
      },
      {
        "name": "Roles",
        "type": "string",
        "format": "",
        "description": "The roles of the node",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Version",
        "type": "string",
        "format": "",
        "description": "Kubelet Version reported by the node.",
        "priority": 0
      },
      {
        "name": "Internal-IP",
        "type": "string",
        "format": "",
        "description": "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        "priority": 1
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        "priority": 1
      },
      {
        "name": "OS-Image",
        "type": "string",
        "format": "",
        "description": "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).",
        "priority": 1
      },
      {
        "name": "Kernel-Version",
        "type": "string",
        "format": "",
        "description": "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
        "priority": 1
      },
      {
        "name": "Container-Runtime",
        "type": "string",
        "format": "",
        "description": "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "not-ready",
          "NotReady",
          "<none>",
          "12d",
          "v1.35.0",
          "192.168.1.11",
          "<none>",
          "<unknown>",
          "<unknown>",
          "berth://0.1.0"
        ]
      }
    ],
    "fields": {
      "metadata.name": "not-ready",
      "spec.unschedulable": "false"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "err": "field label not supported: metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "ok": "spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "node new",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The status of the node",
        "priority": 0
      },
      {
        "name": "Roles",
        "type": "string",
        "format": "",
        "description": "The roles of the node",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Version",
        "type": "string",
        "format": "",
        "description": "Kubelet Version reported by the node.",
        "priority": 0
      },
      {
        "name": "Internal-IP",
        "type": "string",
        "format": "",
        "description": "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        "priority": 1
      },
      {
        "name": "External-IP",
        "type": "string",
        "format": "",
        "description": "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        "priority": 1
      },
      {
        "name": "OS-Image",
        "type": "string",
        "format": "",
        "description": "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).",
        "priority": 1
      },
      {
        "name": "Kernel-Version",
        "type": "string",
        "format": "",
        "description": "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
        "priority": 1
      },
      {
        "name": "Container-Runtime",
        "type": "string",
        "format": "",
        "description": "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "new",
          "Unknown",
          "<none>",
          "12d",
          "",
          "<none>",
          "<none>",
          "<unknown>",
          "<unknown>",
          "<unknown>"
        ]
      }
    ],
    "fields": {
      "metadata.name": "new",
      "spec.unschedulable": "false"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "err": "field label not supported: metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "ok": "spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "namespace",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Status",
        "type": "string",
        "format": "",
        "description": "The status of the namespace",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "team-a",
          "Terminating",
          "50d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "team-a",
      "name": "team-a",
      "status.phase": "Terminating"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "err": "field label not supported: metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "ok": "status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "configmap",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Data",
        "type": "string",
        "format": "",
        "description": "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "settings",
          3,
          "90s"
        ]
      }
    ],
    "fields": {
      "metadata.name": "settings",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "secret",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types",
        "priority": 0
      },
      {
        "name": "Data",
        "type": "string",
        "format": "",
        "description": "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "tls",
          "kubernetes.io/tls",
          2,
          "90s"
        ]
      }
    ],
    "fields": {
      "metadata.name": "tls",
      "metadata.namespace": "default",
      "type": "kubernetes.io/tls"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "ok": "type"
      }
    }
  },
  {
    "name": "secret opaque",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types",
        "priority": 0
      },
      {
        "name": "Data",
        "type": "string",
        "format": "",
        "description": "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "plain",
          "Opaque",
          0,
          "90s"
        ]
      }
    ],
    "fields": {
      "metadata.name": "plain",
      "metadata.namespace": "default",
      "type": "Opaque"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "ok": "type"
      }
    }
  },
  {
    "name": "serviceaccount",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "builder",
          "90s"
        ]
      }
    ],
    "fields": {
      "metadata.name": "builder",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "endpoints",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Endpoints",
        "type": "string",
        "format": "",
        "description": "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "web",
          "10.1.0.5:8080,10.1.0.6:8080,10.1.0.5:9090 + 2 more...",
          "3d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "web",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "endpoints headless",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Endpoints",
        "type": "string",
        "format": "",
        "description": "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "db",
          "10.1.0.8",
          "3d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "db",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "endpoints empty",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Endpoints",
        "type": "string",
        "format": "",
        "description": "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "none",
          "<none>",
          "3d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "none",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "event",
    "columns": [
      {
        "name": "Last Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the most recent occurrence of this event was recorded.",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "Type of this event (Normal, Warning), new types could be added in the future",
        "priority": 0
      },
      {
        "name": "Reason",
        "type": "string",
        "format": "",
        "description": "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
        "priority": 0
      },
      {
        "name": "Object",
        "type": "string",
        "format": "",
        "description": "The object that this event is about.",
        "priority": 0
      },
      {
        "name": "Subobject",
        "type": "string",
        "format": "",
        "description": "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.",
        "priority": 1
      },
      {
        "name": "Source",
        "type": "string",
        "format": "",
        "description": "The component reporting this event. Should be a short machine understandable string.",
        "priority": 1
      },
      {
        "name": "Message",
        "type": "string",
        "format": "",
        "description": "A human-readable description of the status of this operation.",
        "priority": 0
      },
      {
        "name": "First Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)",
        "priority": 1
      },
      {
        "name": "Count",
        "type": "string",
        "format": "",
        "description": "The number of times this event has occurred.",
        "priority": 1
      },
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "2m",
          "Normal",
          "Pulled",
          "pod/web-5d7f-abcde",
          "spec.containers{nginx}",
          "kubelet, node-1",
          "Successfully pulled image \"nginx:1.0\"",
          "5m",
          4,
          "web-5d7f-abcde.17f1"
        ]
      }
    ],
    "fields": {
      "involvedObject.apiVersion": "v1",
      "involvedObject.fieldPath": "spec.containers{nginx}",
      "involvedObject.kind": "Pod",
      "involvedObject.name": "web-5d7f-abcde",
      "involvedObject.namespace": "default",
      "involvedObject.resourceVersion": "12",
      "involvedObject.uid": "uid-p",
      "metadata.name": "web-5d7f-abcde.17f1",
      "metadata.namespace": "default",
      "reason": "Pulled",
      "reportingComponent": "kubelet",
      "source": "kubelet",
      "type": "Normal"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "ok": "involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "ok": "involvedObject.kind"
      },
      "involvedObject.name": {
        "ok": "involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "ok": "reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "ok": "reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "ok": "source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "ok": "type"
      }
    }
  },
  {
    "name": "event series",
    "columns": [
      {
        "name": "Last Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the most recent occurrence of this event was recorded.",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "Type of this event (Normal, Warning), new types could be added in the future",
        "priority": 0
      },
      {
        "name": "Reason",
        "type": "string",
        "format": "",
        "description": "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
        "priority": 0
      },
      {
        "name": "Object",
        "type": "string",
        "format": "",
        "description": "The object that this event is about.",
        "priority": 0
      },
      {
        "name": "Subobject",
        "type": "string",
        "format": "",
        "description": "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.",
        "priority": 1
      },
      {
        "name": "Source",
        "type": "string",
        "format": "",
        "description": "The component reporting this event. Should be a short machine understandable string.",
        "priority": 1
      },
      {
        "name": "Message",
        "type": "string",
        "format": "",
        "description": "A human-readable description of the status of this operation.",
        "priority": 0
      },
      {
        "name": "First Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)",
        "priority": 1
      },
      {
        "name": "Count",
        "type": "string",
        "format": "",
        "description": "The number of times this event has occurred.",
        "priority": 1
      },
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "45s",
          "Normal",
          "ScalingReplicaSet",
          "deployment/web",
          "",
          "deployment-controller",
          "Scaled up replica set web-5d7f to 3",
          "50m",
          7,
          "web.17f2"
        ]
      }
    ],
    "fields": {
      "involvedObject.apiVersion": "apps/v1",
      "involvedObject.fieldPath": "",
      "involvedObject.kind": "Deployment",
      "involvedObject.name": "web",
      "involvedObject.namespace": "default",
      "involvedObject.resourceVersion": "",
      "involvedObject.uid": "",
      "metadata.name": "web.17f2",
      "metadata.namespace": "default",
      "reason": "ScalingReplicaSet",
      "reportingComponent": "deployment-controller",
      "source": "deployment-controller",
      "type": "Normal"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "ok": "involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "ok": "involvedObject.kind"
      },
      "involvedObject.name": {
        "ok": "involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "ok": "reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "ok": "reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "ok": "source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "ok": "type"
      }
    }
  },
  {
    "name": "event new api singleton",
    "columns": [
      {
        "name": "Last Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the most recent occurrence of this event was recorded.",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "Type of this event (Normal, Warning), new types could be added in the future",
        "priority": 0
      },
      {
        "name": "Reason",
        "type": "string",
        "format": "",
        "description": "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
        "priority": 0
      },
      {
        "name": "Object",
        "type": "string",
        "format": "",
        "description": "The object that this event is about.",
        "priority": 0
      },
      {
        "name": "Subobject",
        "type": "string",
        "format": "",
        "description": "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.",
        "priority": 1
      },
      {
        "name": "Source",
        "type": "string",
        "format": "",
        "description": "The component reporting this event. Should be a short machine understandable string.",
        "priority": 1
      },
      {
        "name": "Message",
        "type": "string",
        "format": "",
        "description": "A human-readable description of the status of this operation.",
        "priority": 0
      },
      {
        "name": "First Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)",
        "priority": 1
      },
      {
        "name": "Count",
        "type": "string",
        "format": "",
        "description": "The number of times this event has occurred.",
        "priority": 1
      },
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "100s",
          "Warning",
          "Starting",
          "node",
          "",
          "berth, host-a",
          "",
          "100s",
          1,
          "cluster.17f3"
        ]
      }
    ],
    "fields": {
      "involvedObject.apiVersion": "",
      "involvedObject.fieldPath": "",
      "involvedObject.kind": "Node",
      "involvedObject.name": "",
      "involvedObject.namespace": "",
      "involvedObject.resourceVersion": "",
      "involvedObject.uid": "",
      "metadata.name": "cluster.17f3",
      "metadata.namespace": "default",
      "reason": "Starting",
      "reportingComponent": "berth",
      "source": "berth",
      "type": "Warning"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "ok": "involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "ok": "involvedObject.kind"
      },
      "involvedObject.name": {
        "ok": "involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "ok": "reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "ok": "reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "ok": "source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "ok": "type"
      }
    }
  },
  {
    "name": "events.k8s.io event",
    "columns": [
      {
        "name": "Last Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the most recent occurrence of this event was recorded.",
        "priority": 0
      },
      {
        "name": "Type",
        "type": "string",
        "format": "",
        "description": "Type of this event (Normal, Warning), new types could be added in the future",
        "priority": 0
      },
      {
        "name": "Reason",
        "type": "string",
        "format": "",
        "description": "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
        "priority": 0
      },
      {
        "name": "Object",
        "type": "string",
        "format": "",
        "description": "The object that this event is about.",
        "priority": 0
      },
      {
        "name": "Subobject",
        "type": "string",
        "format": "",
        "description": "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.",
        "priority": 1
      },
      {
        "name": "Source",
        "type": "string",
        "format": "",
        "description": "The component reporting this event. Should be a short machine understandable string.",
        "priority": 1
      },
      {
        "name": "Message",
        "type": "string",
        "format": "",
        "description": "A human-readable description of the status of this operation.",
        "priority": 0
      },
      {
        "name": "First Seen",
        "type": "string",
        "format": "",
        "description": "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)",
        "priority": 1
      },
      {
        "name": "Count",
        "type": "string",
        "format": "",
        "description": "The number of times this event has occurred.",
        "priority": 1
      },
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "3m",
          "Normal",
          "Killing",
          "pod/db-0",
          "spec.containers{postgres}",
          "kubelet, node-2",
          "Stopping container postgres",
          "20m",
          3,
          "db-0.17f4"
        ]
      }
    ],
    "fields": {
      "involvedObject.apiVersion": "v1",
      "involvedObject.fieldPath": "spec.containers{postgres}",
      "involvedObject.kind": "Pod",
      "involvedObject.name": "db-0",
      "involvedObject.namespace": "default",
      "involvedObject.resourceVersion": "",
      "involvedObject.uid": "uid-db-0",
      "metadata.name": "db-0.17f4",
      "metadata.namespace": "default",
      "reason": "Killing",
      "reportingComponent": "kubelet",
      "source": "kubelet",
      "type": "Normal"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "ok": "reason"
      },
      "regarding.kind": {
        "ok": "involvedObject.kind"
      },
      "regarding.name": {
        "ok": "involvedObject.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "ok": "reportingComponent"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "err": "field label not supported: status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "ok": "type"
      }
    }
  },
  {
    "name": "replicationcontroller",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Desired",
        "type": "integer",
        "format": "",
        "description": "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller",
        "priority": 0
      },
      {
        "name": "Current",
        "type": "integer",
        "format": "",
        "description": "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller",
        "priority": 0
      },
      {
        "name": "Ready",
        "type": "integer",
        "format": "",
        "description": "The number of ready replicas for this replication controller.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 1
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 1
      },
      {
        "name": "Selector",
        "type": "string",
        "format": "",
        "description": "Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "legacy",
          2,
          2,
          1,
          "100d",
          "old,older",
          "old:1.0,older:1.0",
          "a.b=x,app=legacy"
        ]
      }
    ],
    "fields": {
      "metadata.name": "legacy",
      "metadata.namespace": "default",
      "status.replicas": "2"
    },
    "conversions": {
      "": {
        "err": "field label not supported: "
      },
      "involvedObject.fieldPath": {
        "err": "field label not supported: involvedObject.fieldPath"
      },
      "involvedObject.kind": {
        "err": "field label not supported: involvedObject.kind"
      },
      "involvedObject.name": {
        "err": "field label not supported: involvedObject.name"
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "field label not supported: name"
      },
      "reason": {
        "err": "field label not supported: reason"
      },
      "regarding.kind": {
        "err": "field label not supported: regarding.kind"
      },
      "regarding.name": {
        "err": "field label not supported: regarding.name"
      },
      "reportingComponent": {
        "err": "field label not supported: reportingComponent"
      },
      "reportingController": {
        "err": "field label not supported: reportingController"
      },
      "source": {
        "err": "field label not supported: source"
      },
      "spec.clusterIP": {
        "err": "field label not supported: spec.clusterIP"
      },
      "spec.foo": {
        "err": "field label not supported: spec.foo"
      },
      "spec.host": {
        "err": "field label not supported: spec.host"
      },
      "spec.hostNetwork": {
        "err": "field label not supported: spec.hostNetwork"
      },
      "spec.nodeName": {
        "err": "field label not supported: spec.nodeName"
      },
      "spec.restartPolicy": {
        "err": "field label not supported: spec.restartPolicy"
      },
      "spec.schedulerName": {
        "err": "field label not supported: spec.schedulerName"
      },
      "spec.serviceAccountName": {
        "err": "field label not supported: spec.serviceAccountName"
      },
      "spec.type": {
        "err": "field label not supported: spec.type"
      },
      "spec.unschedulable": {
        "err": "field label not supported: spec.unschedulable"
      },
      "status.nominatedNodeName": {
        "err": "field label not supported: status.nominatedNodeName"
      },
      "status.phase": {
        "err": "field label not supported: status.phase"
      },
      "status.podIP": {
        "err": "field label not supported: status.podIP"
      },
      "status.podIPs": {
        "err": "field label not supported: status.podIPs"
      },
      "status.replicas": {
        "ok": "status.replicas"
      },
      "status.successful": {
        "err": "field label not supported: status.successful"
      },
      "type": {
        "err": "field label not supported: type"
      }
    }
  },
  {
    "name": "podtemplate",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Containers",
        "type": "string",
        "format": "",
        "description": "Names of each container in the template.",
        "priority": 0
      },
      {
        "name": "Images",
        "type": "string",
        "format": "",
        "description": "Images referenced by each container in the template.",
        "priority": 0
      },
      {
        "name": "Pod Labels",
        "type": "string",
        "format": "",
        "description": "The labels for the pod template.",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "tmpl",
          "a,b",
          "a:1.0,b:1.0",
          "app=y,run=x"
        ]
      }
    ],
    "fields": {
      "metadata.name": "tmpl",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "lease",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Holder",
        "type": "string",
        "format": "",
        "description": "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "kube-framework",
          "berth-1_abc",
          "60m"
        ]
      }
    ],
    "fields": {
      "metadata.name": "kube-framework",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "lease free",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Holder",
        "type": "string",
        "format": "",
        "description": "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "free",
          "",
          "60m"
        ]
      }
    ],
    "fields": {
      "metadata.name": "free",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "endpointslice",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "AddressType",
        "type": "string",
        "format": "",
        "description": "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.",
        "priority": 0
      },
      {
        "name": "Ports",
        "type": "string",
        "format": "",
        "description": "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports.",
        "priority": 0
      },
      {
        "name": "Endpoints",
        "type": "string",
        "format": "",
        "description": "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "web-abc12",
          "IPv4",
          "8080,9090,named + 1 more...",
          "10.1.0.5,10.1.0.6,10.1.0.7 + 1 more...",
          "3d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "web-abc12",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "endpointslice empty",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "AddressType",
        "type": "string",
        "format": "",
        "description": "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.",
        "priority": 0
      },
      {
        "name": "Ports",
        "type": "string",
        "format": "",
        "description": "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports.",
        "priority": 0
      },
      {
        "name": "Endpoints",
        "type": "string",
        "format": "",
        "description": "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "web-empty",
          "IPv6",
          "<unset>",
          "<unset>",
          "3d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "web-empty",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "pdb min",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Min Available",
        "type": "string",
        "format": "",
        "description": "The minimum number of pods that must be available.",
        "priority": 0
      },
      {
        "name": "Max Unavailable",
        "type": "string",
        "format": "",
        "description": "The maximum number of pods that may be unavailable.",
        "priority": 0
      },
      {
        "name": "Allowed Disruptions",
        "type": "integer",
        "format": "",
        "description": "Calculated number of pods that may be disrupted at this time.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "web",
          "2",
          "N/A",
          1,
          "8d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "web",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "pdb max",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Min Available",
        "type": "string",
        "format": "",
        "description": "The minimum number of pods that must be available.",
        "priority": 0
      },
      {
        "name": "Max Unavailable",
        "type": "string",
        "format": "",
        "description": "The maximum number of pods that may be unavailable.",
        "priority": 0
      },
      {
        "name": "Allowed Disruptions",
        "type": "integer",
        "format": "",
        "description": "Calculated number of pods that may be disrupted at this time.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "db",
          "N/A",
          "25%",
          0,
          "8d"
        ]
      }
    ],
    "fields": {
      "metadata.name": "db",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "rolebinding",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Role",
        "type": "string",
        "format": "",
        "description": "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Users",
        "type": "string",
        "format": "",
        "description": "Users in the roleBinding",
        "priority": 1
      },
      {
        "name": "Groups",
        "type": "string",
        "format": "",
        "description": "Groups in the roleBinding",
        "priority": 1
      },
      {
        "name": "ServiceAccounts",
        "type": "string",
        "format": "",
        "description": "ServiceAccounts in the roleBinding",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "readers",
          "ClusterRole/view",
          "30d",
          "alice, bob",
          "devs",
          "tools/ci"
        ]
      }
    ],
    "fields": {
      "metadata.name": "readers",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "clusterrolebinding",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Role",
        "type": "string",
        "format": "",
        "description": "RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "Users",
        "type": "string",
        "format": "",
        "description": "Users in the clusterRoleBinding",
        "priority": 1
      },
      {
        "name": "Groups",
        "type": "string",
        "format": "",
        "description": "Groups in the clusterRoleBinding",
        "priority": 1
      },
      {
        "name": "ServiceAccounts",
        "type": "string",
        "format": "",
        "description": "ServiceAccounts in the clusterRoleBinding",
        "priority": 1
      }
    ],
    "rows": [
      {
        "cells": [
          "admins",
          "ClusterRole/cluster-admin",
          "30d",
          "",
          "",
          ""
        ]
      }
    ],
    "fields": {
      "metadata.name": "admins"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "role",
    "tableErr": "no table handler registered for this type *rbac.Role",
    "fields": {
      "metadata.name": "reader",
      "metadata.namespace": "default"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "clusterrole",
    "tableErr": "no table handler registered for this type *rbac.ClusterRole",
    "fields": {
      "metadata.name": "view"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "priorityclass",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Value",
        "type": "integer",
        "format": "",
        "description": "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.",
        "priority": 0
      },
      {
        "name": "Global-Default",
        "type": "boolean",
        "format": "",
        "description": "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "PreemptionPolicy",
        "type": "string",
        "format": "",
        "description": "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "high",
          1000000,
          true,
          "30d",
          "Never"
        ]
      }
    ],
    "fields": {
      "metadata.name": "high"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  },
  {
    "name": "priorityclass default policy",
    "columns": [
      {
        "name": "Name",
        "type": "string",
        "format": "name",
        "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        "priority": 0
      },
      {
        "name": "Value",
        "type": "integer",
        "format": "",
        "description": "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.",
        "priority": 0
      },
      {
        "name": "Global-Default",
        "type": "boolean",
        "format": "",
        "description": "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.",
        "priority": 0
      },
      {
        "name": "Age",
        "type": "string",
        "format": "",
        "description": "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
        "priority": 0
      },
      {
        "name": "PreemptionPolicy",
        "type": "string",
        "format": "",
        "description": "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.",
        "priority": 0
      }
    ],
    "rows": [
      {
        "cells": [
          "low",
          -5,
          false,
          "30d",
          "PreemptLowerPriority"
        ]
      }
    ],
    "fields": {
      "metadata.name": "low"
    },
    "conversions": {
      "": {
        "err": "\"\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.fieldPath": {
        "err": "\"involvedObject.fieldPath\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.kind": {
        "err": "\"involvedObject.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "involvedObject.name": {
        "err": "\"involvedObject.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "metadata.name": {
        "ok": "metadata.name"
      },
      "metadata.namespace": {
        "ok": "metadata.namespace"
      },
      "name": {
        "err": "\"name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reason": {
        "err": "\"reason\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.kind": {
        "err": "\"regarding.kind\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "regarding.name": {
        "err": "\"regarding.name\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingComponent": {
        "err": "\"reportingComponent\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "reportingController": {
        "err": "\"reportingController\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "source": {
        "err": "\"source\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.clusterIP": {
        "err": "\"spec.clusterIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.foo": {
        "err": "\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.host": {
        "err": "\"spec.host\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.hostNetwork": {
        "err": "\"spec.hostNetwork\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.nodeName": {
        "err": "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.restartPolicy": {
        "err": "\"spec.restartPolicy\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.schedulerName": {
        "err": "\"spec.schedulerName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.serviceAccountName": {
        "err": "\"spec.serviceAccountName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.type": {
        "err": "\"spec.type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "spec.unschedulable": {
        "err": "\"spec.unschedulable\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.nominatedNodeName": {
        "err": "\"status.nominatedNodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.phase": {
        "err": "\"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIP": {
        "err": "\"status.podIP\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.podIPs": {
        "err": "\"status.podIPs\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.replicas": {
        "err": "\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "status.successful": {
        "err": "\"status.successful\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      },
      "type": {
        "err": "\"type\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
      }
    }
  }
];
