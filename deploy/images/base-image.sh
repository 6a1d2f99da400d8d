#!/usr/bin/env bash
# The services' base image, made here without a registry: a Java 17 runtime (jlink of this machine's JDK) and the
# shared libraries it loads (from this machine, by ldd), fonts for the notifier's charts, a user 185; written as a
# `docker save` tarball, the format Jib reads as a base image (quarkus.jib.base-jvm-image=tar://...).
#   deploy/images/base-image.sh [--if-missing] [output.tar]      (default target/images/base-jre17.tar; needs a JDK with jmods, ldd, tar)
# The same JDK and libraries give the same bytes (sorted entries, fixed times and owners).
set -euo pipefail
if [ "${1:-}" = "--if-missing" ]; then
    shift
    [ -f "${1:-target/images/base-jre17.tar}" ] && { echo "${1:-target/images/base-jre17.tar} exists"; exit 0; }
fi
out=${1:-target/images/base-jre17.tar}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"/{tmp,etc,deployments,usr/share/fonts/truetype,var/cache/fontconfig,var/lib/liquidity-engine/streams}
chmod 1777 "$root/tmp" "$root/var/cache/fontconfig"

# the runtime: every Java SE module (the notifier's charts need java.desktop) and the JDK modules Quarkus and Kafka use
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.localedata \
    --include-locales en --strip-debug --no-man-pages --no-header-files --compress=2 --output "$root/opt/java"

# the libraries they link, fontconfig (loaded by AWT at run time) and the dynamic loader, at their paths here
libs=$( { ldd "$root/opt/java/bin/java" "$root"/opt/java/lib/*.so "$root/opt/java/lib/server/libjvm.so" \
              "$(readlink -f /usr/lib/x86_64-linux-gnu/libfontconfig.so.1)" 2>/dev/null || true; } \
        | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | grep -v "^$root" | sort -u)
# plus glibc's compatibility libraries that native code in the services' jars links (RocksDB: libpthread, libdl, librt)
glibc=/usr/lib/x86_64-linux-gnu
for lib in $libs $glibc/libfontconfig.so.1 $glibc/libpthread.so.0 $glibc/libdl.so.2 $glibc/librt.so.1 $glibc/libresolv.so.2 \
           /lib64/ld-linux-x86-64.so.2; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
done
# Debian's /lib and /lib64 are links into /usr (the launcher finds libjli.so through LD_LIBRARY_PATH, set in the config:
# Debian's JDK relies on the host's loader configuration for it)
for l in lib lib64; do
    if [ -L "/$l" ]; then
        mkdir -p "$root/usr/$l"; cp -a "$root/$l/." "$root/usr/$l/" 2>/dev/null || true; rm -rf "${root:?}/$l"; ln -s "usr/$l" "$root/$l"
    fi
done
cp -r /etc/fonts "$root/etc/fonts"
cp -r /usr/share/fonts/truetype/dejavu "$root/usr/share/fonts/truetype/dejavu"
printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:service:/deployments:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\njboss:x:185:\n' > "$root/etc/group"
# owned by root but for what the service user 185 writes: the Kafka Streams state (a volume mounted there keeps it)
chown -R 0:0 "$root"
chown -R 185:185 "$root/deployments" "$root/var/lib/liquidity-engine"

# docker save format: manifest.json, the image config, one uncompressed layer
mkdir -p "$work/image"
tar --sort=name --mtime=@0 --numeric-owner -C "$root" -cf "$work/image/layer.tar" .
diff=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"User":"185","WorkingDir":"/deployments","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","LD_LIBRARY_PATH=/opt/java/lib:/usr/lib/x86_64-linux-gnu"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base-image.sh: jlink of $("$jdk/bin/java" -version 2>&1 | head -1 | tr -d '"') and its libraries"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["liquidity-engine/base-jre17:latest"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "$out: $(du -h "$out" | cut -f1), layer sha256:$diff"
