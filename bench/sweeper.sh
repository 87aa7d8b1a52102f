#!/usr/bin/env bash
# The optuna sweeper's quality and wall time (a benchmark, not a test).
#
#   bench/sweeper.sh                      # 100 trials, 20 seeds
#   TRIALS=50 SEEDS=10 bench/sweeper.sh
#
# 1. Quality, in-process: hydra4j's TPE (its default, multivariate; and independent, as
#    Optuna's default; and random search) on Branin (2-d), Hartmann-6 (6-d) and a noisy
#    quadratic with a log-scaled learning rate, an int width and a choice, TRIALS trials,
#    seeds 0..SEEDS-1; the same with Debian's Optuna 3.1 TPESampler (defaults; the package
#    python3-optuna is installed here if missing) on the same budget and seeds. Prints the
#    median best value of each (for the noisy problem, the noise-free value of the trial
#    that looked best) and the ratio of the median gaps to the optimum, hydra4j's default
#    TPE over Optuna's: below 1 means hydra4j got closer.
# 2. Wall time by simulation: 60 TPE trials on 4 slots with uneven durations (log-uniform
#    over a factor of 10), asynchronous (a trial starts when a slot frees up) against
#    synchronous batches of 4 (Hydra's Optuna sweeper); median time ratio over SEEDS seeds.
# 3. Wall time for real: the example study (examples/search) through ./hydra4j -m with
#    n_jobs=4, its trials' durations uneven (wider models train longer); the sweep's wall
#    time (first start to last end, from the status files) against the time synchronous
#    batches of 4 would take for the same trials (the sum over batches of their longest
#    trial's recorded duration).
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${TRIALS:-100}
SEEDS=${SEEDS:-20}
PYTHON=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/hydra4j-sweeper-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! "$PYTHON" -c 'import optuna' 2>/dev/null; then
  echo "# installing python3-optuna" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-optuna >/dev/null
fi
mvn -B -q -o -pl launcher -am test-compile >/dev/null
cp="launcher/target/classes:launcher/target/test-classes:core/target/classes"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# load $(cut -d' ' -f1-3 /proc/loadavg); $TRIALS trials, $SEEDS seeds"
java -cp "$cp" dev.hydra4j.search.SamplerBench "$TRIALS" "$SEEDS" tpe > "$work/tpe.txt"
java -cp "$cp" dev.hydra4j.search.SamplerBench "$TRIALS" "$SEEDS" tpe-independent \
  > "$work/independent.txt"
java -cp "$cp" dev.hydra4j.search.SamplerBench "$TRIALS" "$SEEDS" random > "$work/random.txt"
"$PYTHON" bench/sweeper/optuna_tpe.py "$TRIALS" "$SEEDS" > "$work/optuna.txt"

printf '%-16s %10s %12s %12s %10s %12s %10s\n' problem optimum hydra4j-tpe tpe-indep random \
  optuna-tpe gap-ratio
for problem in branin:0.397887 hartmann6:-3.32237 noisy-quadratic:0; do
  name=${problem%%:*}
  optimum=${problem#*:}
  ours=$(awk -v p="$name" '$1 == p {print $4}' "$work/tpe.txt" | median)
  indep=$(awk -v p="$name" '$1 == p {print $4}' "$work/independent.txt" | median)
  random=$(awk -v p="$name" '$1 == p {print $4}' "$work/random.txt" | median)
  theirs=$(awk -v p="$name" '$1 == p {print $4}' "$work/optuna.txt" | median)
  ratio=$(awk -v a="$ours" -v b="$theirs" -v o="$optimum" \
    'BEGIN { printf "%.2f", (a - o) / (b - o) }')
  printf '%-16s %10.5g %12.5g %12.5g %10.5g %12.5g %10s\n' "$name" "$optimum" "$ours" "$indep" \
    "$random" "$theirs" "$ratio"
done

java -cp "$cp" dev.hydra4j.search.ScheduleBench 60 4 "$SEEDS" > "$work/schedule.txt"
ratio=$(awk '{print $2 / $3}' "$work/schedule.txt" | median)
echo "simulated wall time, 60 trials on 4 slots, async/sync batches: median $ratio"

sweep="$work/real"
./hydra4j -cp examples/search/conf -m +hparams_search=quadratic_optuna \
  hydra.sweep.dir="$sweep" hydra.sweeper.n_trials=24 hydra.sweeper.n_jobs=4 \
  train.step_s=0.1 2>/dev/null
"$PYTHON" - "$sweep" 24 4 <<'PY'
import datetime, json, sys
sweep, n, slots = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
jobs = [json.load(open(f"{sweep}/{k}/status.json")) for k in range(n)]
wall = max(t(j["end"]) for j in jobs) - min(t(j["start"]) for j in jobs)
sync = sum(max(j["duration_s"] for j in jobs[b:b + slots]) for b in range(0, n, slots))
print(f"real study, {n} trials, n_jobs={slots}: first start to last end {wall:.1f} s;"
      f" synchronous batches of the same trials {sync:.1f} s; ratio {wall / sync:.2f}")
PY
