#!/usr/bin/env bash
# Start-up against Python Hydra 1.3.5, paired: each round runs hydra4j and Hydra on the same
# small config tree (a primary config, a group with two options, an interpolation), one
# right after the other, so that a change in the machine's load hits both alike.
#   --cfg job      : print the composed job config
#   single run     : one run writing .hydra/ (hydra4j runs `true` as its task; Hydra's task
#                    function does nothing)
# Prints median wall and median user+sys CPU of each, and hydra4j / Hydra.
# Needs the reference Hydra at /opt/peer/py (../shared/tools/hydra-peer-setup.sh).
#
#   bench/vs-hydra.sh [ROUNDS=15]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rounds="${1:-15}"
PEER="${HYDRA_PEER:-/opt/peer/py}"
[[ -x "$PEER" ]] || { echo "no reference Hydra at $PEER" >&2; exit 2; }
ensure_built

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/conf/db"
printf '%s\n' 'defaults:' '  - db: a' '  - _self_' 'x: 1' 'name: run_${x}_${db.port}' \
  >"$work/conf/config.yaml"
printf 'port: 3306\nhost: localhost\n' >"$work/conf/db/a.yaml"
printf 'port: 5432\nhost: db.example\n' >"$work/conf/db/b.yaml"
cat >"$work/app.py" <<'PY'
import hydra

@hydra.main(config_path="conf", config_name="config", version_base=None)
def main(cfg):
    pass

if __name__ == "__main__":
    main()
PY
cd "$work"

# one_sample LOG cmd... : appends "wall cpu" of one run of cmd to LOG
one_sample() {
  local log="$1"; shift
  local TIMEFORMAT='%3R %3U %3S'
  { time "$@" >/dev/null 2>&1; } 2>>"$log.raw"
  tail -n 1 "$log.raw" | awk '{ print $1, $2 + $3 }' >>"$log"
}

medians() {  # "median_wall median_cpu" of a log of "wall cpu" lines
  awk '{ w[NR] = $1; c[NR] = $2 } END { asort(w); asort(c); m = int((NR + 1) / 2);
    printf "%.3f %.3f\n", w[m], c[m] }' "$1"
}

wait_for_quiet
before="$(loadavg)"
for ((i = 0; i < rounds + 2; i++)); do
  # the first two rounds are warm-ups (page cache, archive)
  [[ $i -lt 2 ]] && s=/dev/null || s=""
  one_sample "${s:-h4cfg}" "$HYDRA4J" -cp conf --cfg job db=b
  one_sample "${s:-hycfg}" "$PEER" app.py --cfg job db=b
  rm -rf out
  one_sample "${s:-h4run}" "$HYDRA4J" -cp conf "hydra.run.dir=out/h4_$i" db=b -- true
  one_sample "${s:-hyrun}" "$PEER" app.py "hydra.run.dir=out/hy_$i" db=b
done
report() {
  local label="$1" aw ac bw bc
  read -r aw ac <<<"$(medians "$2")"
  read -r bw bc <<<"$(medians "$3")"
  printf '%-12s hydra4j wall %ss cpu %ss | Hydra wall %ss cpu %ss | ratio wall %.2f cpu %.2f\n' \
    "$label" "$aw" "$ac" "$bw" "$bc" "$(awk -v a="$aw" -v b="$bw" 'BEGIN{print a/b}')" \
    "$(awk -v a="$ac" -v b="$bc" 'BEGIN{print a/b}')"
}
echo "# $rounds paired rounds, $(nproc) cores, load $before -> $(loadavg)"
report "--cfg job" h4cfg hycfg
report "single run" h4run hyrun
