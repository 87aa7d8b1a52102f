#!/usr/bin/env bash
# Local-launcher benchmark: a 1,000-job sweep whose task is `true`, two at a time, through
# the CLI (plan, check every job, write plan.json, then per job: .hydra/ files, logs,
# status.json), against the shell's floor for starting the same 1,000 processes:
# `seq 1000 | xargs -P2 -I{} true`.
#
# Run:   bench/local-launcher.sh [RUNS=3] [JOBS=1000]
# Env:   BENCH_DIR: where the sweeps are written (default: a temp dir under the repository,
#        i.e. the disk a user's multirun/ lives on; /dev/shm shows the cost without disk
#        flushes). BENCH_MAX_LOAD / BENCH_WAIT as in lib.sh.
# Checks that every job COMPLETED and has its .hydra/config.yaml, then prints median wall
# and CPU seconds of both, their ratio, and the load average.
# Target: hydra4j within 1.2x of the xargs floor.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-3}"
jobs="${2:-1000}"
ensure_built

work="$(mktemp -d "${BENCH_DIR:-$BENCH_ROOT}/.bench-launcher.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/conf"
printf 'x: 0\n' >"$work/conf/config.yaml"

sweep() {
  (cd "$work" && rm -rf multirun && "$HYDRA4J" -cp conf -m "x=range(0,$jobs)" \
    hydra.launcher.n_jobs=2 -- true)
}

check() {
  local dir completed configs
  dir="$(ls -d "$work"/multirun/*/*/ | head -1)"
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
TIMEFORMAT='%3R %3U %3S'
for ((i = 0; i < runs; i++)); do
  # Alternate the two so a change in load hits both alike.
  t="$({ time sweep >/dev/null 2>&1; } 2>&1)"
  check
  hydra_samples+=("$t")
  t="$({ time (seq "$jobs" | xargs -P2 -I{} true); } 2>&1)"
  xargs_samples+=("$t")
done
rm -rf "$work/multirun"

median() {  # median wall and median cpu of "wall user sys" lines
  printf '%s\n' "$@" | awk '{ w[NR] = $1; c[NR] = $2 + $3 }
    END { asort(w); asort(c); m = int((NR + 1) / 2); printf "%.2f %.2f\n", w[m], c[m] }'
}
read -r hw hc <<<"$(median "${hydra_samples[@]}")"
read -r xw xc <<<"$(median "${xargs_samples[@]}")"
echo "# $jobs jobs of 'true', n_jobs=2, $(nproc) cores, disk: $(df -P "$work" | awk 'NR==2 {print $1}')"
printf 'hydra4j -m x=range(0,%d) -- true   wall %ss  cpu %ss\n' "$jobs" "$hw" "$hc"
printf 'seq %d | xargs -P2 -I{} true     wall %ss  cpu %ss\n' "$jobs" "$xw" "$xc"
awk -v h="$hw" -v x="$xw" 'BEGIN { printf "ratio (wall) %.1fx   (median of '"$runs"'; load '"$before"' -> '"$(loadavg)"')\n", h / x }'
