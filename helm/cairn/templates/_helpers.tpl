{{/* Chart name, truncated to the 63 characters of a label value. */}}
{{- define "cairn.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name: <release>-cairn, or the release name when it already says cairn. */}}
{{- define "cairn.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "cairn.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The version of Cairn's images: image.tag, else the chart's appVersion. */}}
{{- define "cairn.version" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/* Standard labels of every resource (https://helm.sh/docs/chart_best_practices/labels/). Pass (dict "root" $ "component" "x"). */}}
{{- define "cairn.labels" -}}
helm.sh/chart: {{ include "cairn.chart" .root }}
{{ include "cairn.selectorLabels" . }}
app.kubernetes.io/version: {{ include "cairn.version" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: cairn
{{- end }}

{{/* Labels that select a component's pods; never change after install. */}}
{{- define "cairn.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cairn.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "cairn.operator.fullname" -}}
{{- printf "%s-operator" (include "cairn.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cairn.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cairn.operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "cairn.operator.image" -}}
{{- printf "%s/%s:%s" .Values.image.registry .Values.operator.repository (include "cairn.version" .) }}
{{- end }}

{{/* Name of the Secret holding the dev datastores' URLs and passwords (the name examples/platform.yaml refers to). */}}
{{- define "cairn.dev.secretName" -}}
{{- printf "%s-datastores" (include "cairn.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Host name of a dev datastore's Service. Pass (dict "root" $ "store" "postgres"). */}}
{{- define "cairn.dev.host" -}}
{{- printf "%s-%s" (include "cairn.fullname" .root) .store | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Volume of a dev datastore: a claim when dev.persistence.enabled, else an emptyDir. */}}
{{- define "cairn.dev.dataVolume" -}}
- name: data
{{- if .root.Values.dev.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ include "cairn.dev.host" . }}
{{- else }}
  emptyDir: {}
{{- end }}
{{- end }}

{{/* Pod security of a dev datastore: non-root as the image's own user. Pass (dict "root" $ "uid" 999). */}}
{{- define "cairn.dev.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "cairn.dev.securityContext" -}}
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
{{- end }}
