#!/usr/bin/env bash
# Compiles examples/kotlin/Train.kt with the Kotlin compiler from Maven Central (fetched into
# target/kotlin/ by Maven, once) against the hydra4j jar, runs it and checks what it prints:
# data classes bind by constructor parameter names, a sealed interface by group choice.
# Not part of scripts/test.sh: the compiler takes ~40 s of CPU. Usage: scripts/kotlin-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/kotlin
mkdir -p "$work"
kotlin_version=2.2.0
if [[ ! -f "$work/lib/kotlin-compiler-embeddable-$kotlin_version.jar" ]]; then
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.hydra4j.check</groupId><artifactId>kotlin</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-compiler-embeddable</artifactId><version>$kotlin_version</version></dependency>
  </dependencies>
</project>
POM
  mvn -B -q -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory=lib
fi
[[ -f launcher/target/hydra4j.jar ]] || mvn -B -q -DskipTests -pl launcher -am package
compiler_cp=$(ls "$work"/lib/*.jar | tr '\n' ':')
stdlib="$work/lib/kotlin-stdlib-$kotlin_version.jar"
rm -rf "$work/classes"
java -cp "$compiler_cp" org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -no-stdlib -no-reflect \
  -java-parameters -jvm-target 17 -cp "launcher/target/hydra4j.jar:$stdlib" \
  -d "$work/classes" examples/kotlin/Train.kt
out=$(java -cp "$work/classes:launcher/target/hydra4j.jar:$stdlib" TrainKt conf)
printf '%s\n' "$out"
expected="Training(epochs=30, batchSize=16, imageSize=640, lr=0.01, patience=50, model=yolov8n.pt)
Adam(lr=0.001, beta1=0.9)
Sgd(lr=0.1)
2 problems binding 'training' to Training:
  training.lr: expected a double, got 'fast' (a string) at override 'training.lr=fast'
  training.warmup: unknown key: Training has no component 'warmup' (it has epochs, batch_size, image_size, lr, patience, model) at override '+training.warmup=5'"
if [[ "$out" != "$expected" ]]; then
  echo "kotlin-check.sh: FAILED, expected:" >&2
  printf '%s\n' "$expected" >&2
  exit 1
fi
echo "kotlin-check.sh: 1 passed, 0 failed"
