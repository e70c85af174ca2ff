# syntax=docker/dockerfile:1.7
# The cairn-operator image. Build from the repository root with BuildKit:
#   docker build -f deploy/docker/operator.Dockerfile -t ghcr.io/cairn-dev/cairn-operator:0.1.0-SNAPSHOT .
# or every image at once: deploy/docker/build-images.sh (./mvnw -B -pl deploy-checks -Pimages package).
# The build context is filtered by operator.Dockerfile.dockerignore (no target/, no .git).

ARG JDK_IMAGE=eclipse-temurin:21-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

# ---- build: the module and the Cairn modules it needs, with Maven's cache kept between builds
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl operator -am -DskipTests package \
 && mkdir -p /layers/dependencies /layers/cairn /layers/application \
 && cp operator/target/libs/*.jar /layers/dependencies/ \
 && mv /layers/dependencies/cairn-*.jar /layers/cairn/ \
 && cp operator/target/cairn-operator.jar /layers/application/

# ---- runtime: JRE only, non-root, one layer per rate of change
FROM ${JRE_IMAGE} AS runtime
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="cairn-operator" \
      org.opencontainers.image.description="Cairn Kubernetes operator: reconciles MicroservicePlatform resources." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="https://github.com/cairn-dev/cairn" \
      org.opencontainers.image.url="https://github.com/cairn-dev/cairn" \
      org.opencontainers.image.documentation="https://github.com/cairn-dev/cairn/blob/main/docs/DEPLOY.md" \
      org.opencontainers.image.vendor="Cairn" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="eclipse-temurin:21-jre-noble"
# curl for the health check; the same uid/gid 10001 the operator's pods run as.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 cairn \
 && useradd --system --uid 10001 --gid cairn --home-dir /app --no-create-home --shell /usr/sbin/nologin cairn
WORKDIR /app
# Third-party jars change least: their layer stays cached while Cairn's code changes.
COPY --from=build /layers/dependencies/ /app/libs/
# Cairn's own library modules (cairn-commons, ...).
COPY --from=build /layers/cairn/ /app/libs/
# The application jar; its manifest class path names libs/*.jar.
COPY --from=build /layers/application/cairn-operator.jar /app/cairn-operator.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8090
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${CAIRN_OPERATOR_PORT:-8090}/health/ready" > /dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/cairn-operator.jar"]
