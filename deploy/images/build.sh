#!/usr/bin/env bash
# Builds the four services' container images with Jib (quarkus-container-image-jib) and no
# Docker daemon, as image tarballs (docker-save format) under deploy/images/out/:
#   rma-intake-1.0.0.tar, address-registry-1.0.0.tar, rma-dispatch-1.0.0.tar, sla-monitor-1.0.0.tar
# tagged rma/<service>:1.0.0, the names deploy/k8s references. Load them with
# `docker load -i`, `podman load -i`, `kind load image-archive`, `skopeo copy docker-archive:...`.
#
#   deploy/images/build.sh                 base image made from this machine's JRE (offline)
#   RMA_BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21 deploy/images/build.sh
#                                           any base Jib can pull (needs that registry)
#
# The base made here: a Java runtime jlinked from the machine's OpenJDK 17 (all platform modules)
# with exactly the shared libraries it links, /etc/passwd with user 185, nothing else (no shell,
# no package manager). The services run as user 185 with the local stack's JVM flags.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd -P)
ROOT=$(cd ../.. && pwd -P)
WORK="$HERE/.work"
OUT="$HERE/out"
TAG="${RMA_IMAGE_TAG:-1.0.0}"
GROUP="${RMA_IMAGE_GROUP:-rma}"
# the local stack's flags (deploy/local/stack.sh starts every service with -Xmx256m)
JVM_ARGS="-Xmx256m,-Djava.util.logging.manager=org.jboss.logmanager.LogManager"
SERVICES=(rma-intake address-registry rma-dispatch sla-monitor)
log() { printf '%s [images] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

mkdir -p "$WORK" "$OUT"

base_from_this_machine() {
  local java_home rootfs="$WORK/rootfs" layer="$WORK/base/layer.tar" diff config lib
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  [[ -x $java_home/bin/java ]] || { log "no java found"; exit 1; }
  "$java_home/bin/java" -version 2>&1 | grep -q 'version "17' || { log "$java_home is not Java 17"; exit 1; }
  log "base: $java_home and the libraries it links"
  rm -rf "$rootfs" "$WORK/base" && mkdir -p "$rootfs/opt" "$rootfs/etc" "$rootfs/tmp" "$rootfs/proc" "$WORK/base"
  chmod 1777 "$rootfs/tmp"
  if [[ -d $java_home/jmods ]]; then
    # a runtime of every platform module, without debug symbols, headers and man pages
    "$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules ALL-MODULE-PATH \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output "$rootfs/opt/java" >&2
  else
    # the JRE as installed (its /etc symlinks resolved; dangling ones such as src.zip left out)
    cp -aL "$java_home" "$rootfs/opt/java" 2>/dev/null || true
  fi
  [[ -x $rootfs/opt/java/bin/java ]] || { log "could not copy a Java runtime from $java_home"; exit 1; }
  # every shared library any of its binaries links (ldd), and the dynamic loader
  find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
    xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' |
    sort -u | grep -v "^$rootfs/" | while read -r lib; do cp -L --parents "$lib" "$rootfs"; done
  printf 'root:x:0:0:root:/root:/sbin/nologin\nrma:x:185:185:rma:/tmp:/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nrma:x:185:\n' >"$rootfs/etc/group"
  tar --sort=name --mtime='2026-01-01 00:00Z' --numeric-owner --owner=0 --group=0 \
    -C "$rootfs" -cf "$layer" .
  diff=$(sha256sum "$layer" | cut -d' ' -f1)
  config=$(printf '{"architecture":"amd64","os":"linux","config":{"User":"185","WorkingDir":"/tmp","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"deploy/images/build.sh: %s and its libraries"}]}' "$diff" "$java_home")
  printf '%s' "$config" >"$WORK/base/config.json"
  printf '[{"Config":"config.json","RepoTags":["rma/base-jre:17"],"Layers":["layer.tar"]}]' >"$WORK/base/manifest.json"
  tar -C "$WORK/base" -cf "$WORK/base-jre.tar" manifest.json config.json layer.tar
  log "base: $WORK/base-jre.tar ($(du -h "$WORK/base-jre.tar" | cut -f1))"
  echo "tar://$WORK/base-jre.tar"
}

BASE="${RMA_BASE_IMAGE:-}"
if [[ -z $BASE ]]; then
  # made once; again when the machine's Java changed (or after rm -rf deploy/images/.work)
  if [[ -f $WORK/base-jre.tar && $WORK/base-jre.tar -nt $(readlink -f "$(command -v java)") ]]; then
    BASE="tar://$WORK/base-jre.tar"
    log "base: $WORK/base-jre.tar (made before)"
  else
    BASE=$(base_from_this_machine)
  fi
fi

# Jib hands a finished image to "docker load"; this stand-in keeps it as a file instead.
cat >"$WORK/docker" <<DOCKER
#!/usr/bin/env bash
# stand-in for the docker CLI during the Jib build: 'load' saves the image tarball
set -euo pipefail
case "\${1:-}" in
  load)
    tmp=\$(mktemp "$OUT/.load.XXXXXX")
    cat >"\$tmp"
    tag=\$(tar -xOf "\$tmp" manifest.json | grep -o '"RepoTags":\["[^"]*"' | sed 's/.*\["//; s/"\$//')
    name=\${tag##*/}
    chmod 644 "\$tmp"
    mv -f "\$tmp" "$OUT/\${name%%:*}-\${name##*:}.tar"
    echo "Loaded image: \$tag"
    ;;
  info) echo '{"OSType":"linux","Architecture":"x86_64"}' ;;
  version) echo "stand-in" ;;
  *) exit 0 ;;
esac
DOCKER
chmod +x "$WORK/docker"

modules=$(IFS=, && echo "${SERVICES[*]}")
log "build: Jib images of $modules from $BASE (log: deploy/images/.work/build.log)"
if ! (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true -pl "$modules" -am package \
  -Dquarkus.container-image.build=true \
  -Dquarkus.container-image.builder=jib \
  -Dquarkus.container-image.group="$GROUP" \
  -Dquarkus.container-image.tag="$TAG" \
  -Dquarkus.container-image.additional-tags= \
  -Dquarkus.jib.base-jvm-image="$BASE" \
  -Dquarkus.jib.user=185 \
  -Dquarkus.jib.jvm-arguments="$JVM_ARGS" \
  -Dquarkus.jib.docker-executable-name="$WORK/docker") >"$WORK/build.log" 2>&1; then
  tail -n 40 "$WORK/build.log" >&2
  log "build failed"
  exit 1
fi
for svc in "${SERVICES[@]}"; do
  [[ -f $OUT/$svc-$TAG.tar ]] || { log "missing $OUT/$svc-$TAG.tar"; exit 1; }
  log "image $GROUP/$svc:$TAG -> deploy/images/out/$svc-$TAG.tar ($(du -h "$OUT/$svc-$TAG.tar" | cut -f1))"
done
