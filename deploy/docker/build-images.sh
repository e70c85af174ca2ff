#!/usr/bin/env bash
# Builds every Cairn image from deploy/docker/*.Dockerfile (needs a Docker engine with BuildKit).
#   deploy/docker/build-images.sh [version]        (default: the project version of pom.xml)
#   CAIRN_IMAGE_REGISTRY=registry.example.com/team deploy/docker/build-images.sh 0.1.0
# Also run by: ./mvnw -B -pl deploy-checks -Pimages package
set -euo pipefail
cd "$(dirname "$0")/../.."

version="${1:-$(sed -n 's:^    <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}"
registry="${CAIRN_IMAGE_REGISTRY:-ghcr.io/cairn-dev}"
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

if ! docker info >/dev/null 2>&1; then
  echo "build-images: no Docker engine answers (docker info failed); start one or set DOCKER_HOST." >&2
  exit 1
fi

for component in gateway user-service order-service product-service analytics-service operator; do
  image="$registry/cairn-$component:$version"
  echo "build-images: $image"
  DOCKER_BUILDKIT=1 docker build \
    -f "deploy/docker/$component.Dockerfile" \
    --build-arg "VERSION=$version" --build-arg "REVISION=$revision" --build-arg "CREATED=$created" \
    -t "$image" .
done
echo "build-images: built 6 images tagged $version under $registry"
