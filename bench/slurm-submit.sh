#!/usr/bin/env bash
# Times the SLURM launcher on a sweep of N no-op jobs (`true`), against the cluster that
# scripts/slurm-local.sh starts (it must be up):
#   submit  `hydra4j -m x=range(0,N) hydra/launcher=slurm`, the whole process: JVM start, plan,
#           check every job, ask SLURM (sbatch --test-only), write every job directory and the
#           array script, one sbatch. Also the launcher's share, from launcher.log.
#   status  `hydra4j status DIR`, the whole process, right after the submission (jobs pending
#           and starting) and after `hydra4j kill` (every job ended).
#   poll    one in-JVM status poll (every status file, one squeue, one sacct), as --wait does.
# Each round cancels its sweep with `hydra4j kill` (also timed). Targets: submit < 3 s,
# status poll < 1 s for 1,000 jobs.
#
#   bench/slurm-submit.sh                 # 1000 jobs, 3 rounds
#   N=5000 ROUNDS=5 bench/slurm-submit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
ROUNDS=${ROUNDS:-3}
home=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sinfo -h >/dev/null || { echo "no SLURM cluster: run scripts/slurm-local.sh up" >&2; exit 2; }
mvn -q -o -pl launcher -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="launcher/target/classes:launcher/target/test-classes:$(cat "$work/cp.txt")"

mkdir -p "$work/conf"
cat >"$work/conf/config.yaml" <<'EOF'
defaults:
  - override hydra/launcher: slurm
  - _self_
x: 0
hydra:
  launcher:
    timeout_min: 5
  job:
    command: ["true"]
EOF

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { # timed FILE COMMAND...: appends the wall time of COMMAND to FILE
  local file=$1 t0 t1
  shift
  t0=$(now)
  "$@" >"$work/last.out" 2>&1 || { cat "$work/last.out" >&2; exit 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc >>"$file"
}
log_seconds() { # seconds between the first and the last line of launcher.log
  local a b
  a=$(head -n 1 "$1" | cut -d' ' -f1)
  b=$(grep 'submitted array' "$1" | tail -n 1 | cut -d' ' -f1)
  echo "($(date -d "$b" +%s.%N) - $(date -d "$a" +%s.%N))" | bc
}

hydra4j() { (cd "$work" && "$home/hydra4j" "$@"); }
# The first run of a new jar records the classes it loads for the next runs (AppCDS).
hydra4j -m 'x=range(0,3)' "hydra.sweep.dir=$work/warmup" >/dev/null 2>&1
hydra4j kill "$work/warmup" >/dev/null

for f in submit launcher status_pending poll_first poll kill status_ended; do : >"$work/$f"; done
for ((r = 1; r <= ROUNDS; r++)); do
  dir="$work/sweep-$r"
  timed "$work/submit" hydra4j -m "x=range(0,$N)" "hydra.sweep.dir=$dir"
  log_seconds "$dir/launcher.log" >>"$work/launcher"
  timed "$work/status_pending" hydra4j status "$dir"
  java -XX:TieredStopAtLevel=1 -cp "$cp" dev.hydra4j.launch.slurm.StatusPollMain "$dir" 5 \
    >"$work/poll.out"
  sed -n 's/^poll_ms_first //p' "$work/poll.out" | awk '{print $1/1000}' >>"$work/poll_first"
  sed -n 's/^poll_ms_median //p' "$work/poll.out" | awk '{print $1/1000}' >>"$work/poll"
  timed "$work/kill" hydra4j kill "$dir"
  timed "$work/status_ended" hydra4j status "$dir"
  printf 'round %d: submit %.2fs (launcher %.2fs) | status %.2fs | poll %.3fs first, %.3fs warm | kill %.2fs | status after kill %.2fs  [%s]\n' \
    "$r" "$(tail -n 1 "$work/submit")" "$(tail -n 1 "$work/launcher")" \
    "$(tail -n 1 "$work/status_pending")" "$(tail -n 1 "$work/poll_first")" \
    "$(tail -n 1 "$work/poll")" "$(tail -n 1 "$work/kill")" "$(tail -n 1 "$work/status_ended")" \
    "$(sed -n 's/^jobs //p' "$work/poll.out")"
done

printf '\nmedians of %d rounds, %d jobs, %s CPUs, SLURM %s\n' "$ROUNDS" "$N" "$(nproc)" \
  "$(sinfo -V | cut -d' ' -f2)"
printf '  submit (whole process)        %.2fs   target < 3 s\n' "$(median <"$work/submit")"
printf '    of which the launcher       %.2fs   (write %d job dirs + script, sbatch)\n' \
  "$(median <"$work/launcher")" "$N"
printf '  status (whole process)        %.2fs   target < 1 s\n' "$(median <"$work/status_pending")"
printf '  status poll in a JVM          %.3fs first, %.3fs warm\n' \
  "$(median <"$work/poll_first")" "$(median <"$work/poll")"
printf '  kill (whole process)          %.2fs\n' "$(median <"$work/kill")"
printf '  status after kill             %.2fs\n' "$(median <"$work/status_ended")"
