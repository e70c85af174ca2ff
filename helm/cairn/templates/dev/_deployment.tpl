{{/*
Head of a dev datastore's Deployment up to the pod's containers list: one replica, Recreate (one volume), non-root
as the image's own user. Pass (dict "root" $ "store" "postgres" "values" .Values.dev.postgres).
*/}}
{{- define "cairn.dev.deploymentHead" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "cairn.dev.host" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "cairn.labels" (dict "root" .root "component" .store) | nindent 4 }}
spec:
  replicas: 1
  revisionHistoryLimit: 2
  strategy:
    type: Recreate
  selector:
    matchLabels:
      {{- include "cairn.selectorLabels" (dict "root" .root "component" .store) | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "cairn.labels" (dict "root" .root "component" .store) | nindent 8 }}
    spec:
      enableServiceLinks: false
      automountServiceAccountToken: false
      securityContext:
        {{- include "cairn.dev.podSecurityContext" (dict "root" .root "uid" .values.runAsUser) | nindent 8 }}
      volumes:
        {{- include "cairn.dev.dataVolume" . | nindent 8 }}
{{- end }}

{{/* secretKeyRef env entry to the dev Secret. Pass (dict "root" $ "name" "POSTGRES_PASSWORD" "key" "postgres-password"). */}}
{{- define "cairn.dev.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "cairn.dev.secretName" .root }}
      key: {{ .key }}
{{- end }}
