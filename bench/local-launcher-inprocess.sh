#!/usr/bin/env bash
# Compares LocalLauncher with `xargs -P2` on many no-op jobs (`true`), two at a time.
# (The launcher's own benchmark, in one JVM with start-up excluded; bench/local-launcher.sh
# measures the same sweep through the CLI, as a user runs it.)
#
#   bench/local-launcher-inprocess.sh       # 1000 jobs, 5 rounds
#   N=5000 ROUNDS=3 bench/local-launcher-inprocess.sh
#   JAVA_OPTS=-XX:TieredStopAtLevel=1 bench/local-launcher-inprocess.sh
#
# Each round runs, back to back so they see the same machine load:
#   xargs         seq N | xargs -P2 -I{} true
#   floor         a bare JVM loop: ProcessBuilder.start + drain + waitFor on 2 threads, no
#                 files: what any JVM launcher pays (the JDK starts processes via jspawnhelper)
#   launcher      LocalLauncher, n_jobs=2, with status files, logs, summary, in $BENCH_DIR
#                 (default: a temp dir on the disk)
#   launcher/shm  the same with the sweep in /dev/shm (tmpfs), when it exists: the launcher's
#                 own cost without the disk's
# Job directories are created before the clock starts (the CLI creates them when it writes
# .hydra/). Times are measured inside the JVM, start-up excluded.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
ROUNDS=${ROUNDS:-5}
JAVA_OPTS=${JAVA_OPTS:-}
work=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hydra4j-bench.XXXXXX")
shm=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then shm=$(mktemp -d /dev/shm/hydra4j-bench.XXXXXX); fi
trap 'rm -rf "$work" ${shm:+"$shm"}' EXIT

mvn -q -o -pl launcher -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="launcher/target/classes:launcher/target/test-classes:$(cat "$work/cp.txt")"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { sed -n 's/^launch_seconds //p'; }
launcher() { # $1 = sweep dir
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$cp" dev.hydra4j.launch.local.SweepMain --n-jobs 2 --quiet --precreate \
    "$1" "$N" -- true | seconds
  rm -rf "$1"
}

names=(xargs floor launcher)
[ -n "$shm" ] && names+=(launcher/shm)
for name in "${names[@]}"; do : >"$work/${name//\//_}"; done
for ((r = 1; r <= ROUNDS; r++)); do
  t0=$(date +%s.%N); seq "$N" | xargs -P2 -I{} true; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc >>"$work/xargs"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$cp" dev.hydra4j.launch.local.SpawnFloorMain "$N" | seconds >>"$work/floor"
  launcher "$work/sweep" >>"$work/launcher"
  [ -n "$shm" ] && launcher "$shm/sweep" >>"$work/launcher_shm"
  line="round $r:"
  for name in "${names[@]}"; do
    line+=$(printf '  %s %.3fs' "$name" "$(tail -1 "$work/${name//\//_}")")
  done
  echo "$line  (load $(cut -d' ' -f1 /proc/loadavg))"
done

mx=$(median <"$work/xargs")
mf=$(median <"$work/floor")
printf '\nmedians of %d rounds, %d x `true`, 2 at a time, %s CPUs, JAVA_OPTS=%s\n' \
  "$ROUNDS" "$N" "$(nproc)" "${JAVA_OPTS:-none}"
for name in "${names[@]}"; do
  m=$(median <"$work/${name//\//_}")
  printf '  %-13s %6.3fs  %5.2fx xargs  %5.2fx floor\n' "$name" "$m" \
    "$(echo "$m / $mx" | bc -l)" "$(echo "$m / $mf" | bc -l)"
done
