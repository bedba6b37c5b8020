#!/bin/sh
# Assembles the root file system the sides' container images are built on, without a container
# registry or a Docker daemon: a Java runtime cut by jlink from the build's own JDK to the modules
# the sides use, the shared libraries it (and RocksDB's JNI library, which analytics unpacks at
# run time) load, found with ldd on this machine, an /etc/passwd naming the non-root user, and
# writable /tmp and /data. Jib lays it over an empty (scratch) base.
#
# Usage: base-runtime.sh <output directory>   (kept when already complete: every module reuses it)
set -eu

out="$1"
if [ -x "$out/opt/java/bin/java" ]; then
    exit 0
fi
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
work="$out.partial"
rm -rf "$work"
mkdir -p "$work"

# java.desktop: PDFBox and POI use java.awt's geometry and colour classes (no display is needed);
# java.sql, java.naming, java.management, jdk.management: JDBC, Spring, the actuator; the
# security modules: TLS and SASL to PostgreSQL and Kafka; jdk.unsupported: Netty-free but
# Kafka's and Jackson's Unsafe use; jdk.crypto.ec: TLS with EC certificates.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
java.xml.crypto,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,\
jdk.unsupported,jdk.zipfs,jdk.localedata

"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" --include-locales=en,vi \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/opt/java"

# Headless: no display, no sound, no splash screen, so none of the X11 libraries they would pull in.
rm -f "$work"/opt/java/lib/libawt_xawt.so "$work"/opt/java/lib/libjawt.so "$work"/opt/java/lib/libsplashscreen.so \
    "$work"/opt/java/lib/libjsound.so

# The shared libraries: what the runtime's binaries and libraries need, and the C++ runtime
# RocksDB's JNI library needs; each copied at its own path, symbolic links resolved.
{
    for binary in "$work/opt/java/bin/java" $(find "$work/opt/java/lib" -name '*.so'); do
        ldd "$binary" 2>/dev/null || true
    done
    for extra in libstdc++.so.6 libgcc_s.so.1; do
        ldconfig -p | awk -v lib="$extra" '$1 == lib && /x86-64/ { print lib " => " $NF }'
    done
} | awk '/=> \// { print $3 } /^[ \t]*\/lib/ { print $1 }' | sort -u | while read -r library; do
    case "$library" in
        "$work"/*) ;;
        *) mkdir -p "$work$(dirname "$library")" && cp -L "$library" "$work$library" ;;
    esac
done
# the dynamic loader is named by its /lib64 path in every binary
if [ -e /lib64/ld-linux-x86-64.so.2 ] && [ ! -e "$work/lib64/ld-linux-x86-64.so.2" ]; then
    mkdir -p "$work/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$work/lib64/"
fi

mkdir -p "$work/etc" "$work/tmp" "$work/data"
printf 'root:x:0:0:root:/root:/sbin/nologin\nmotsach:x:65532:65532:Mot Sach:/data:/sbin/nologin\n' > "$work/etc/passwd"
printf 'root:x:0:\nmotsach:x:65532:\n' > "$work/etc/group"
# TLS to an external PostgreSQL or Kafka checks their certificates against the build's CA list
if [ -f /etc/ssl/certs/java/cacerts ]; then
    rm -f "$work/opt/java/lib/security/cacerts"
    cp -L /etc/ssl/certs/java/cacerts "$work/opt/java/lib/security/cacerts"
fi
mv "$work" "$out"
