{{/*
The operator's rights: exactly the rules of deploy/operator/rbac.yaml (OperatorRbacTest compares them). Least
privilege: it reads its custom resource and writes only its status, and manages the objects it owns.
*/}}
{{- define "cairn.operator.rules" -}}
# The platforms it reconciles (informer: list and watch) and their status subresource.
- apiGroups: ["platform.cairn.dev"]
  resources: ["microserviceplatforms"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["platform.cairn.dev"]
  resources: ["microserviceplatforms/status"]
  verbs: ["get", "patch", "update"]
# Deployments: server-side apply (patch; create the first time), prune (delete), status (informer), scaling (patch).
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# The other objects it applies and prunes, listed by label to find what to prune.
- apiGroups: [""]
  resources: ["services", "configmaps"]
  verbs: ["get", "list", "create", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "create", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "create", "patch", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "create", "patch", "delete"]
# The token signing key: created once when absent, never updated or deleted (garbage collection does that).
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "create"]
# Pods of autoscaled components, to scrape their /metrics when no Prometheus is configured.
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list"]
# Events about platforms (created, updated, pruned, scaled, failures).
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}

{{- define "cairn.operator.leaderElectionRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update", "patch"]
{{- end }}
