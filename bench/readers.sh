#!/usr/bin/env bash
# Readers at scale: `status`, `collect` and `runs` on one real sweep of JOBS jobs (default
# 20,000 jobs of `true`, n_jobs=2, run once through the CLI; every file of every job is
# there). Each reader runs ROUNDS times after one warm-up (`runs` builds its index then);
# prints median / min / p90 / max wall and median CPU seconds, and the load.
# Target: each under 1 s at 20,000 jobs (they read the sweep's journal and plan, not 20,000
# status files).
#
#   bench/readers.sh                  # 20,000 jobs, 5 rounds
#   JOBS=2000 ROUNDS=3 bench/readers.sh
#   BENCH_DIR=/dev/shm bench/readers.sh   # build the sweep on tmpfs (much faster to create)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JOBS=${JOBS:-20000}
ROUNDS=${ROUNDS:-5}
ensure_built

work="$(mktemp -d "${BENCH_DIR:-$BENCH_ROOT}/.bench-readers.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/conf"
printf 'x: 0\n' >"$work/conf/config.yaml"
cd "$work"
echo "# creating a sweep of $JOBS jobs in $work ..."
start=$SECONDS
"$HYDRA4J" -cp conf -m "x=range(0,$JOBS)" hydra.launcher.n_jobs=2 -- true >/dev/null 2>&1
sweep="$(ls -d multirun/*/*/ | head -1)"
echo "# created in $((SECONDS - start)) s: $sweep"

wait_for_quiet
before="$(loadavg)"
echo "# reader: median min p90 max (wall s), median cpu s"
for reader in "status $sweep" "collect $sweep --format csv" "runs"; do
  # shellcheck disable=SC2086 # the reader's words are split on purpose
  printf '%-40s %s\n' "hydra4j $reader" "$(time_runs "$ROUNDS" 1 "$HYDRA4J" $reader)"
done
echo "# $JOBS jobs, $(nproc) cores, load $before -> $(loadavg)"
