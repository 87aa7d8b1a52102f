#!/usr/bin/env bash
# Local-launcher benchmark: a 1,000-job sweep whose task is `true`, two at a time, through
# the CLI (plan, check every job, write plan.json, then per job: .hydra/ files, logs,
# journal, status.json), against three anchors run alternately with it:
#   xargs   `seq 1000 | xargs -P2 -I{} true`: starting the same 1,000 processes, no files;
#   floor   bench/layout_floor.py: the same processes (posix_spawn, two workers) and the same
#           ten files per job that hydra4j writes, created as cheaply as Python can: what
#           the file system charges for keeping Hydra's record of a job, whoever writes it.
#   jvm     bench/java/JvmFloor.java: the same again from a JVM started with the launcher's
#           flags (ProcessBuilder, two threads, output straight to the files): what any JVM
#           launcher pays for the processes and the record before it composes anything.
#
# Run:   bench/local-launcher.sh [RUNS=3] [JOBS=1000]
# Env:   BENCH_DIR: where the sweeps are written (default: a temp dir under the repository,
#        i.e. the disk a user's multirun/ lives on; /dev/shm shows the cost without the
#        disk). BENCH_MAX_LOAD / BENCH_WAIT as in lib.sh.
# Checks that every job COMPLETED and has its .hydra/config.yaml, then prints median wall
# and CPU seconds of each, the ratios, and the load average.
# Every run writes into a new directory and all are deleted only at the end: on ext4,
# creating a file right after many were deleted costs several times more (the allocator
# skips inodes freed in the last minute or more), so deleting between runs would make
# each run pay for the one before.
# Target: hydra4j within 1.2x of the xargs anchor.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-3}"
jobs="${2:-1000}"
ensure_built

work="$(mktemp -d "${BENCH_DIR:-$BENCH_ROOT}/.bench-launcher.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/conf"
printf 'x: 0\n' >"$work/conf/config.yaml"

run_no=0  # set by the loop below: the sweeps run in subshells
sweep() {
  mkdir -p "$work/h$run_no" && ln -s ../conf "$work/h$run_no/conf"
  (cd "$work/h$run_no" && "$HYDRA4J" -cp conf -m "x=range(0,$jobs)" \
    hydra.launcher.n_jobs=2 -- true)
}

floor() {
  python3 "$BENCH_ROOT/bench/layout_floor.py" "$work/f$run_no" "$jobs" 2521
}

javac -d "$work/jvmfloor" "$BENCH_ROOT/bench/java/JvmFloor.java"
jvm_floor() {
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -XX:-UsePerfData \
    -Djdk.lang.Process.launchMechanism=VFORK -cp "$work/jvmfloor" JvmFloor "$work/j$run_no" "$jobs" 2521
}

check() {
  local dir completed configs
  dir="$(ls -d "$work/h$run_no"/multirun/*/*/ | head -1)"
  completed="$(cat "$dir"/*/status.json | grep -o '"state":"COMPLETED"' | wc -l)"
  configs="$(ls "$dir"/*/.hydra/config.yaml | wc -l)"
  if [[ "$completed" != "$jobs" || "$configs" != "$jobs" ]]; then
    echo "check failed: $completed COMPLETED, $configs config.yaml of $jobs jobs" >&2
    exit 1
  fi
}

wait_for_quiet
before="$(loadavg)"
hydra_samples=()
xargs_samples=()
floor_samples=()
jvm_samples=()
TIMEFORMAT='%3R %3U %3S'
for ((i = 0; i < runs; i++)); do
  # Alternate them so a change in load hits all alike.
  run_no=$((i + 1))
  t="$({ time sweep >/dev/null 2>&1; } 2>&1)"
  check
  hydra_samples+=("$t")
  t="$({ time (seq "$jobs" | xargs -P2 -I{} true); } 2>&1)"
  xargs_samples+=("$t")
  t="$({ time floor; } 2>&1)"
  floor_samples+=("$t")
  t="$({ time jvm_floor; } 2>&1)"
  jvm_samples+=("$t")
done

median() {  # median wall and median cpu of "wall user sys" lines
  printf '%s\n' "$@" | awk '{ w[NR] = $1; c[NR] = $2 + $3 }
    END { asort(w); asort(c); m = int((NR + 1) / 2); printf "%.2f %.2f\n", w[m], c[m] }'
}
read -r hw hc <<<"$(median "${hydra_samples[@]}")"
read -r xw xc <<<"$(median "${xargs_samples[@]}")"
read -r fw fc <<<"$(median "${floor_samples[@]}")"
read -r jw jc <<<"$(median "${jvm_samples[@]}")"
echo "# $jobs jobs of 'true', n_jobs=2, $(nproc) cores, disk: $(df -P "$work" | awk 'NR==2 {print $1}')"
printf 'hydra4j -m x=range(0,%d) -- true   wall %ss  cpu %ss\n' "$jobs" "$hw" "$hc"
printf 'seq %d | xargs -P2 -I{} true     wall %ss  cpu %ss\n' "$jobs" "$xw" "$xc"
printf 'layout_floor.py (same files)      wall %ss  cpu %ss\n' "$fw" "$fc"
printf 'JvmFloor.java (same files, JVM)   wall %ss  cpu %ss\n' "$jw" "$jc"
awk -v h="$hw" -v x="$xw" -v f="$fw" -v j="$jw" 'BEGIN { printf "ratio (wall) %.1fx xargs, %.2fx floor, %.2fx JVM floor; floors: %.2fx and %.2fx xargs   (median of '"$runs"'; load '"$before"' -> '"$(loadavg)"')\n", h / x, h / f, h / j, f / x, j / x }'
