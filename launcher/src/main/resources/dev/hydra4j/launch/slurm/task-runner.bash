# ---- hydra4j task runner (the same in every array script) ------------------------------
# Runs the job chosen above, with bash alone: records its state in <job dir>/status.json
# (a temp file renamed over it, so a reader never sees half a file), copies the task's
# output into stdout.log and stderr.log byte for byte and into combined.log line by line
# (timestamped, tagged [out]/[err]), and tells how the task ended: COMPLETED, FAILED,
# TIMEOUT (SLURM's time limit, or an exit after the time-limit warning), CANCELLED, or PENDING
# again when SLURM put it back in the queue (node failure, preemption).
# Variables are prefixed hydra4j_ so that the job's environment cannot clobber them.
# A packed job (hydra4j_packed set) runs under its task's packer: bound to its CPU slice, with
# its GPUs as CUDA_VISIBLE_DEVICES, its messages in its own directory, and a timeout requeue
# left to the packer (exit status 75).

hydra4j_restarts=${SLURM_RESTART_COUNT:-0}
hydra4j_attempt=$((hydra4j_attempts_before + hydra4j_restarts + 1))
hydra4j_start_s=$SECONDS
if [[ -n ${hydra4j_packed:-} ]]; then
  # A packed job's time limit is its task's, which started with the task's first job.
  printf -v hydra4j_now_s '%(%s)T' -1
  hydra4j_start_s=$((SECONDS - (hydra4j_now_s - hydra4j_task_started_s)))
fi
hydra4j_requeue_rc=0
hydra4j_task_pid='' hydra4j_final='' hydra4j_requeued='' hydra4j_terminated='' hydra4j_warned=''
hydra4j_end_state='' hydra4j_fifos='' hydra4j_signals=0 hydra4j_task_rc=''
hydra4j_task_id=${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID:-}

hydra4j_now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
hydra4j_started=$(hydra4j_now)

# Sets REPLY to $1 as a JSON string literal.
hydra4j_json() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  s=${s//[$'\x01'-$'\x1f']/ }
  REPLY="\"$s\""
}

# hydra4j_status STATE [EXIT_CODE] [ERROR]: writes status.json in the format of hydra4j's
# StatusFile, with the SLURM ids as extra fields.
hydra4j_status() {
  # A trap may write a record while another is half-written: each write has its own temp file.
  hydra4j_writes=$((${hydra4j_writes:-0} + 1))
  local end='' extra='' host tmp=$hydra4j_job_dir/.status.json.$$.$hydra4j_writes.tmp
  [[ $1 != RUNNING && $1 != PENDING ]] && end=',"end":"'$(hydra4j_now)'"'
  if [[ -n ${3:-} ]]; then
    hydra4j_json "$3"
    extra=',"error":'$REPLY
  fi
  [[ -n $hydra4j_requeued ]] && extra+=',"requeued":"true"'
  if [[ -n ${hydra4j_packed:-} ]]; then
    extra+=',"jobs_per_task":"'$hydra4j_jobs_per_task'","cpus":"'$hydra4j_slot_cpus'"'
    if [[ -n $hydra4j_slot_gpus ]]; then
      hydra4j_json "$hydra4j_slot_gpus"
      extra+=',"gpus":'$REPLY
    fi
  fi
  [[ -n $hydra4j_task_rc && $hydra4j_task_rc != "${2:-}" ]] &&
    extra+=',"task_exit_code":"'$hydra4j_task_rc'"'
  hydra4j_json "${HOSTNAME:-unknown}"
  host=$REPLY
  if printf '{"num":%s,"state":"%s","attempt":%s,"exit_code":%s,"start":"%s"%s,"host":%s,"pid":%s,"slurm_job_id":"%s","slurm_array_job_id":"%s","slurm_array_task_id":"%s"%s}\n' \
    "$hydra4j_num" "$1" "$hydra4j_attempt" "${2:-null}" "$hydra4j_started" "$end" "$host" \
    "${hydra4j_task_pid:-$$}" "${SLURM_JOB_ID:-}" "${SLURM_ARRAY_JOB_ID:-}" \
    "${SLURM_ARRAY_TASK_ID:-}" "$extra" >"$tmp" && mv -f -- "$tmp" "$hydra4j_job_dir/status.json"; then
    return 0
  fi
  rm -f -- "$tmp"
  echo "hydra4j: cannot write $hydra4j_job_dir/status.json" >&2
  return 1
}

# hydra4j_finish STATE [EXIT_CODE] [ERROR]: the final record, then the end of the script.
hydra4j_finish() {
  # Final first: a TERM arriving now must not write a record over this one.
  hydra4j_final=1
  hydra4j_status "$@"
  exit "${2:-1}"
}

hydra4j_requeue() {
  ((hydra4j_restarts < hydra4j_max_num_timeout)) || return 1
  # Written first: SLURM stops this script as soon as the requeue is accepted.
  hydra4j_requeued=1
  hydra4j_final=1
  hydra4j_status TIMEOUT "${1:-}"
  if [[ -n ${hydra4j_packed:-} ]]; then
    # A packed job asks its packer, by this exit status, to requeue the task once all its jobs
    # have stopped: the requeue would end them all.
    hydra4j_requeue_rc=75
    return 0
  fi
  if scontrol requeue "$hydra4j_task_id"; then
    echo "hydra4j: requeued after TIMEOUT (restart $((hydra4j_restarts + 1)) of at most $hydra4j_max_num_timeout)" >&2
    return 0
  fi
  hydra4j_requeued='' hydra4j_final=''
  return 1
}

# SLURM sends TERM for a time limit, scancel, a node failure or preemption, and KILL after its
# KillWait. Under proctrack/linuxproc the TERM reaches every process of the job; under
# proctrack/cgroup (most clusters) only this script, SLURM's "task": it passes the TERM on to
# the task, or the task would run on until the KILL ended both before any record. A first
# record goes by the clock; then squeue says which it was: TimeLimit, or PENDING when SLURM has
# already put the task back in the queue. A timed-out task is requeued when max_num_timeout
# allows.
hydra4j_on_term() {
  hydra4j_signals=$((hydra4j_signals + 1))
  [[ -n $hydra4j_final || -n $hydra4j_terminated ]] && return
  hydra4j_terminated=1
  hydra4j_stop_task
  hydra4j_end_state=CANCELLED
  if [[ -n $hydra4j_warned ]] ||
    ((hydra4j_time_limit_s > 0 && SECONDS - hydra4j_start_s >= hydra4j_time_limit_s)); then
    hydra4j_end_state=TIMEOUT
  fi
  hydra4j_status "$hydra4j_end_state"
  local said ask=(squeue -h -j "$hydra4j_task_id" -o '%T %r')
  command -v timeout >/dev/null && ask=(timeout 3 "${ask[@]}")
  said=$("${ask[@]}" 2>/dev/null)
  case $said in
    *' TimeLimit') hydra4j_end_state=TIMEOUT ;;
    PENDING* | REQUEUED*)
      # Requeued by SLURM (--requeue): it runs again, as attempt $((hydra4j_attempt + 1)).
      hydra4j_end_state=PENDING
      hydra4j_requeued=1
      ;;
    ?*) hydra4j_end_state=CANCELLED ;;
  esac
  if [[ $hydra4j_end_state == TIMEOUT ]] && hydra4j_requeue; then
    [[ -n ${hydra4j_packed:-} ]] && hydra4j_packed_end "$hydra4j_requeue_rc"
    return
  fi
  hydra4j_status "$hydra4j_end_state"
  if [[ -n ${hydra4j_packed:-} ]]; then
    [[ -n $hydra4j_requeued ]] && hydra4j_packed_end 0
    [[ -n $hydra4j_task_pid ]] && kill -TERM "$hydra4j_task_pid" 2>/dev/null
    hydra4j_finish_terminated "$hydra4j_end_state"
  fi
}

# A packed job stopped by SLURM ends as soon as its state is recorded, its task told with TERM:
# SLURM kills what is left KillWait seconds after its own TERM, and within that time the packer
# must see every job of the task end before it ends the task or requeues it.
hydra4j_packed_end() {
  hydra4j_final=1
  [[ -n $hydra4j_task_pid ]] && kill -TERM "$hydra4j_task_pid" 2>/dev/null
  [[ -n $hydra4j_fifos ]] && rm -rf -- "$hydra4j_fifos"
  exit "$1"
}

# SLURM's TERM, passed on to the task and to the processes it started (its process group, as
# it runs under setsid), as proctrack/linuxproc would: a process left running would keep the
# output pipes, and so this script, open until the KILL.
hydra4j_stop_task() {
  [[ -n $hydra4j_task_pid ]] || return 0
  kill -TERM -- "-$hydra4j_task_pid" 2>/dev/null || kill -TERM "$hydra4j_task_pid" 2>/dev/null
  return 0
}

# The time-limit warning (hydra.launcher.signal_delay_s) goes on to the task.
hydra4j_on_warning() {
  hydra4j_signals=$((hydra4j_signals + 1))
  hydra4j_warned=1
  [[ -n $hydra4j_task_pid ]] && kill -USR2 "$hydra4j_task_pid" 2>/dev/null
  return 0
}

# The end of a task SLURM stopped: the record, then this script ends by the same SIGTERM, so
# that SLURM's accounting shows what happened (exit 0:15, shown here as 128+15) rather than an
# exit code of this script's choosing. The task's own exit status is kept as task_exit_code.
hydra4j_finish_terminated() {
  hydra4j_final=1
  hydra4j_status "$1" 143
  [[ -n $hydra4j_fifos ]] && rm -rf -- "$hydra4j_fifos"
  trap - TERM
  kill -TERM $$
  exit 143
}

# hydra.launcher.setup: each item is shell code, run with eval in this shell (so that
# `module load` and `source venv/bin/activate` act on the task's environment). The first item
# that fails ends the task as FAILED, naming it.
hydra4j_setup() {
  local hydra4j_i
  for ((hydra4j_i = 0; hydra4j_i < ${#hydra4j_setup_lines[@]}; hydra4j_i++)); do
    eval "${hydra4j_setup_lines[hydra4j_i]}" ||
      hydra4j_finish FAILED "" "setup item $((hydra4j_i + 1)) failed (exit $?): ${hydra4j_setup_lines[hydra4j_i]}"
  done
}

# Stopped before the task started (during setup, say): end here.
hydra4j_stop_if_terminated() {
  [[ -z $hydra4j_terminated ]] && return
  [[ -n $hydra4j_requeued ]] && exit "$hydra4j_requeue_rc"
  hydra4j_finish_terminated "$hydra4j_end_state"
}

hydra4j_on_exit() {
  local rc=$?
  [[ -n $hydra4j_fifos ]] && rm -rf -- "$hydra4j_fifos"
  if [[ -z $hydra4j_final ]]; then
    hydra4j_status FAILED "$rc" "the batch script ended before its task (exit $rc); see slurm-${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID:-}.out"
  fi
}

# hydra4j_pump PREFIX LOG < stream: the stream into LOG as is, and into combined.log line by
# line. It ignores TERM so that what a stopping task still prints is kept.
hydra4j_pump() {
  trap '' TERM USR2
  local line t
  tee -- "$2" | while IFS= read -r line || [[ -n $line ]]; do
    t=${EPOCHREALTIME:-}
    if [[ -n $t ]]; then
      printf -v t '%(%Y-%m-%d %H:%M:%S)T.%.3s' "${t%[.,]*}" "${t#*[.,]}"
    else
      printf -v t '%(%Y-%m-%d %H:%M:%S)T.000' -1
    fi
    printf '%s %s%s\n' "$t" "$1" "$line"
  done >>"$hydra4j_job_dir/combined.log"
}

if ! cd -- "$hydra4j_job_dir"; then
  echo "hydra4j: cannot enter the job directory $hydra4j_job_dir" >&2
  exit 1
fi
if [[ -n ${hydra4j_packed:-} ]]; then
  # Each packed job's own messages go to its own directory, under the name SLURM gives a task's.
  exec >>"slurm-${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID:-}.out" 2>&1
  # A requeued task runs again only its jobs that did not finish in this submission, and none
  # that was submitted again meanwhile (rerun --failed while its task-mates still ran).
  if ((hydra4j_restarts > 0)) && [[ -e status.json ]]; then
    hydra4j_prev=$(<status.json)
    if [[ $hydra4j_prev =~ \"slurm_array_job_id\":\"([0-9]+)\" ]] &&
      ((BASH_REMATCH[1] > ${SLURM_ARRAY_JOB_ID:-0})); then
      echo "hydra4j: job $hydra4j_num was submitted again since (SLURM job ${BASH_REMATCH[1]}); not run here"
      exit 0
    fi
    if [[ $hydra4j_prev == *'"slurm_array_job_id":"'"${SLURM_ARRAY_JOB_ID:-}"'","slurm_array_task_id":"'"${SLURM_ARRAY_TASK_ID:-}"'"'* &&
      $hydra4j_prev != *'"requeued":"true"'* ]]; then
      case $hydra4j_prev in
        *'"state":"COMPLETED"'*)
          echo "hydra4j: job $hydra4j_num COMPLETED before the requeue; not run again"
          exit 0
          ;;
        *'"state":"FAILED"'*)
          echo "hydra4j: job $hydra4j_num FAILED before the requeue; not run again"
          exit 1
          ;;
      esac
    fi
  fi
fi
trap hydra4j_on_exit EXIT
trap hydra4j_on_term TERM
((hydra4j_warn)) && trap hydra4j_on_warning USR2

# A retried job keeps the logs and metrics of its earlier attempt, as the local launcher
# does (stdout.log -> stdout.attempt1.log), so a failing retry is never credited with the
# metrics of the attempt before it, and a curve logged again from step 0 starts afresh.
if ((hydra4j_attempt > 1)); then
  for hydra4j_log in stdout.log stderr.log combined.log metrics.json metrics.jsonl; do
    if [[ -e $hydra4j_log ]]; then
      mv -f -- "$hydra4j_log" "${hydra4j_log%.*}.attempt$((hydra4j_attempt - 1)).${hydra4j_log##*.}"
    fi
  done
fi
if ((hydra4j_restarts > hydra4j_max_num_timeout)); then
  hydra4j_finish FAILED "" "SLURM restarted this task $hydra4j_restarts times, more than hydra.launcher.max_num_timeout=$hydra4j_max_num_timeout"
fi

for hydra4j_kv in "${hydra4j_shared_env[@]}" "${hydra4j_job_env[@]}"; do
  # shellcheck disable=SC2163 # each item is NAME=value
  export "$hydra4j_kv"
done
if [[ -n ${hydra4j_packed:-} ]]; then
  [[ -n $hydra4j_slot_error ]] && hydra4j_finish FAILED "" "$hydra4j_slot_error"
  # The job's slice of its task: set last, so that it holds whatever env_set says.
  [[ -n $hydra4j_slot_gpus ]] && export CUDA_VISIBLE_DEVICES=$hydra4j_slot_gpus
  [[ -n $hydra4j_slot_cpus ]] && hydra4j_prefix=(taskset -c "$hydra4j_slot_cpus")
fi
cd -- "$hydra4j_work_dir" ||
  hydra4j_finish FAILED "" "cannot enter the working directory $hydra4j_work_dir on ${HOSTNAME:-?}"
hydra4j_setup
hydra4j_stop_if_terminated
for hydra4j_program in "${hydra4j_prefix[@]:0:1}" "${hydra4j_command[0]}"; do
  command -v -- "$hydra4j_program" >/dev/null ||
    hydra4j_finish FAILED "" "'$hydra4j_program' was not found on ${HOSTNAME:-?} (PATH=$PATH)"
done

if ! hydra4j_fifos=$(mktemp -d "${TMPDIR:-/tmp}/hydra4j.XXXXXX") ||
  ! mkfifo -- "$hydra4j_fifos/out" "$hydra4j_fifos/err"; then
  hydra4j_finish FAILED "" "cannot make pipes in ${TMPDIR:-/tmp} on ${HOSTNAME:-?}"
fi
: >"$hydra4j_job_dir/combined.log"
hydra4j_pump '[out] ' "$hydra4j_job_dir/stdout.log" <"$hydra4j_fifos/out" &
hydra4j_pump_out=$!
hydra4j_pump '[err] ' "$hydra4j_job_dir/stderr.log" <"$hydra4j_fifos/err" &
hydra4j_pump_err=$!
# A background command of a script ignores INT and QUIT; the task gets them back. setsid makes
# it the leader of its own process group (it execs without a fork here: a background command
# of a script is no group leader).
hydra4j_setsid=()
command -v setsid >/dev/null && hydra4j_setsid=(setsid)
(
  trap - INT QUIT
  exec "${hydra4j_setsid[@]}" "${hydra4j_prefix[@]}" "${hydra4j_command[@]}"
) </dev/null >"$hydra4j_fifos/out" 2>"$hydra4j_fifos/err" &
hydra4j_task_pid=$!
# A TERM that came just before its pid was known is passed on now.
[[ -n $hydra4j_terminated ]] && hydra4j_stop_task
hydra4j_status RUNNING
# A warning that came while the task was being set up is passed on now.
[[ -n $hydra4j_warned ]] && kill -USR2 "$hydra4j_task_pid" 2>/dev/null

# A trap (TERM, USR2) interrupts wait, which then returns 128+signal rather than the task's
# status; wait again. When bash has meanwhile reaped the task and forgotten its status (wait
# then says 127, or -1), the status is unknown: nothing is made up.
while :; do
  hydra4j_seen=$hydra4j_signals
  wait "$hydra4j_task_pid"
  hydra4j_rc=$?
  ((hydra4j_signals == hydra4j_seen)) && break
  kill -0 "$hydra4j_task_pid" 2>/dev/null && continue
  wait "$hydra4j_task_pid" 2>/dev/null
  hydra4j_rc=$?
  ((hydra4j_rc >= 0 && hydra4j_rc <= 255 && hydra4j_rc != 127)) || hydra4j_rc=''
  break
done
hydra4j_task_rc=$hydra4j_rc
# Under proctrack/linuxproc SLURM sends TERM to every process of the job at once; when the task
# died of it first, give the TERM meant for this script a moment to arrive, so the end is told
# as SLURM's.
if [[ -z $hydra4j_terminated && $hydra4j_rc == 143 ]]; then
  sleep 1 &
  wait $! 2>/dev/null
fi

# The pipes end with the task, unless it left a background process holding them.
for ((hydra4j_i = 0; hydra4j_i < 100; hydra4j_i++)); do
  kill -0 "$hydra4j_pump_out" 2>/dev/null || kill -0 "$hydra4j_pump_err" 2>/dev/null || break
  sleep 0.05
done

if [[ -z $hydra4j_terminated && -n $hydra4j_warned ]]; then
  # It stopped after the time-limit warning, whatever its exit code: a timeout, checkpointed
  # or not. It is requeued when max_num_timeout allows; otherwise this script waits for the
  # limit (at most signal_delay_s), so that SLURM too records TIMEOUT.
  hydra4j_requeue "$hydra4j_rc" && exit "$hydra4j_requeue_rc"
  echo "hydra4j: the task stopped after the time-limit warning; waiting for the limit" >&2
  while [[ -z $hydra4j_terminated ]]; do
    sleep 5 &
    wait $!
  done
fi
if [[ -n $hydra4j_terminated ]]; then
  [[ -n $hydra4j_requeued ]] && exit "$hydra4j_requeue_rc"
  hydra4j_finish_terminated "$hydra4j_end_state"
elif ((hydra4j_rc == 0)); then
  hydra4j_finish COMPLETED 0
fi
hydra4j_finish FAILED "$hydra4j_rc"
