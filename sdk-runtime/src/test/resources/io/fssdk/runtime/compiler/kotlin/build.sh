#!/usr/bin/env bash
# Rebuilds counter.wasm from counter.kt with the Kotlin/Wasm compiler (WASI target), pinned below: the compiler
# jars and the WASI standard library (a klib) come from Maven Central into ${FSSDK_TOOLS:-~/.fssdk-tools}, once.
# Kotlin compiles its classes to GC structs and arrays and its exceptions to try_table (the new exception
# proposal), so the module exercises the GC and exception-handling code of our compiler with real compiler output.
set -euo pipefail
KOTLIN_VERSION=2.3.0
HERE=$(cd "$(dirname "$0")" && pwd)
TOOLS="${FSSDK_TOOLS:-$HOME/.fssdk-tools}/kotlin-$KOTLIN_VERSION"
if [ ! -f "$TOOLS/kotlin-stdlib-wasm-wasi-$KOTLIN_VERSION.klib" ]; then
  POM=$(mktemp -d)
  cat > "$POM/pom.xml" <<POM_EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.fssdk.tools</groupId><artifactId>kotlin-wasm</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-compiler-embeddable</artifactId>
      <version>$KOTLIN_VERSION</version></dependency>
    <dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-stdlib-wasm-wasi</artifactId>
      <version>$KOTLIN_VERSION</version><type>klib</type></dependency>
  </dependencies>
</project>
POM_EOF
  mvn -B -q -f "$POM/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$TOOLS"
  rm -rf "$POM"
fi
CP=$(ls "$TOOLS"/*.jar | tr '\n' ':')
STDLIB="$TOOLS/kotlin-stdlib-wasm-wasi-$KOTLIN_VERSION.klib"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Two steps, as the Kotlin Gradle plugin does: the sources to a klib, then the klib (with the standard library)
# to one wasm module.
java -cp "$CP" org.jetbrains.kotlin.cli.js.K2JSCompiler -Xwasm -Xwasm-target=wasm-wasi -libraries "$STDLIB" \
  -Xir-produce-klib-file -ir-output-dir "$WORK" -ir-output-name counter "$HERE/counter.kt"
java -cp "$CP" org.jetbrains.kotlin.cli.js.K2JSCompiler -Xwasm -Xwasm-target=wasm-wasi \
  -libraries "$STDLIB:$WORK/counter.klib" -Xinclude="$WORK/counter.klib" -Xwasm-use-new-exception-proposal \
  -Xir-produce-js -ir-output-dir "$WORK/wasm" -ir-output-name counter
cp "$WORK/wasm/counter.wasm" "$HERE/counter.wasm"
ls -l "$HERE/counter.wasm"
