  # ---- hydra4j task packer (hydra.launcher.jobs_per_task) ------------------------------
  # Runs this task's entries of the table, at most hydra4j_slots at once, each job in its own
  # bash (this script again, given the entry) with its own slice: CPUs by position in this
  # task's affinity list (bound with taskset), GPUs by position in CUDA_VISIBLE_DEVICES. Each
  # job records its own state, logs and exit code; this shell only schedules them, passes the
  # time-limit warning on, and requeues the task when a job asks for it (TIMEOUT with
  # max_num_timeout left), after all its jobs have stopped.
  hydra4j_first=$((${SLURM_ARRAY_TASK_ID:?this script runs as a SLURM array task} * hydra4j_jobs_per_task))
  hydra4j_last=$((hydra4j_first + hydra4j_jobs_per_task - 1))
  ((hydra4j_last < hydra4j_entries)) || hydra4j_last=$((hydra4j_entries - 1))
  if ((hydra4j_first > hydra4j_last)); then
    echo "hydra4j: this array has no task $SLURM_ARRAY_TASK_ID" >&2
    exit 2
  fi
  printf -v hydra4j_task_started_s '%(%s)T' -1
  hydra4j_task_id=${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID}

  # The CPUs this task may use, one per item (Cpus_allowed_list: 0-3,8,10-11).
  hydra4j_cpus=() hydra4j_list=''
  while read -r hydra4j_k hydra4j_v; do
    [[ $hydra4j_k == Cpus_allowed_list: ]] && hydra4j_list=$hydra4j_v
  done </proc/self/status
  IFS=, read -ra hydra4j_parts <<<"$hydra4j_list"
  for hydra4j_p in "${hydra4j_parts[@]}"; do
    if [[ $hydra4j_p == *-* ]]; then
      for ((hydra4j_i = ${hydra4j_p%-*}; hydra4j_i <= ${hydra4j_p#*-}; hydra4j_i++)); do
        hydra4j_cpus+=("$hydra4j_i")
      done
    elif [[ -n $hydra4j_p ]]; then
      hydra4j_cpus+=("$hydra4j_p")
    fi
  done
  IFS=, read -ra hydra4j_gpus <<<"${CUDA_VISIBLE_DEVICES:-}"

  # Fewer CPUs or GPUs than the settings planned for: fewer jobs at once, each still its slice.
  hydra4j_error=''
  if ((${#hydra4j_cpus[@]} / hydra4j_cpus_per_job < hydra4j_slots)); then
    hydra4j_fit=$((${#hydra4j_cpus[@]} / hydra4j_cpus_per_job))
    echo "hydra4j: the task may use CPUs '$hydra4j_list'; $((hydra4j_fit > 0 ? hydra4j_fit : 1)) job(s) at once instead of $hydra4j_slots" >&2
    hydra4j_slots=$((hydra4j_fit > 0 ? hydra4j_fit : 1))
  fi
  if ((hydra4j_gpus_per_job > 0)); then
    hydra4j_fit=$((${#hydra4j_gpus[@]} / hydra4j_gpus_per_job))
    if ((hydra4j_fit == 0)); then
      hydra4j_error="the task got ${#hydra4j_gpus[@]} GPU(s) (CUDA_VISIBLE_DEVICES='${CUDA_VISIBLE_DEVICES:-}'), fewer than hydra.launcher.gpus_per_job=$hydra4j_gpus_per_job"
    elif ((hydra4j_fit < hydra4j_slots)); then
      echo "hydra4j: the task got GPUs '$CUDA_VISIBLE_DEVICES'; $hydra4j_fit job(s) at once instead of $hydra4j_slots" >&2
      hydra4j_slots=$hydra4j_fit
    fi
  fi
  hydra4j_slot_cpus=() hydra4j_slot_gpus=() hydra4j_slot_pid=()
  for ((hydra4j_s = 0; hydra4j_s < hydra4j_slots; hydra4j_s++)); do
    hydra4j_slice=("${hydra4j_cpus[@]:hydra4j_s*hydra4j_cpus_per_job:hydra4j_cpus_per_job}")
    ((${#hydra4j_slice[@]} > 0)) || hydra4j_slice=("${hydra4j_cpus[@]}")
    hydra4j_slot_cpus[hydra4j_s]=$(IFS=,; echo "${hydra4j_slice[*]}")
    hydra4j_slice=("${hydra4j_gpus[@]:hydra4j_s*hydra4j_gpus_per_job:hydra4j_gpus_per_job}")
    ((hydra4j_gpus_per_job > 0 && ${#hydra4j_slice[@]} > 0)) &&
      hydra4j_slot_gpus[hydra4j_s]=$(IFS=,; echo "${hydra4j_slice[*]}")
    hydra4j_slot_pid[hydra4j_s]=''
  done
  echo "hydra4j: task $SLURM_ARRAY_TASK_ID runs entries $hydra4j_first-$hydra4j_last, $hydra4j_slots at once"

  # SLURM's TERM reaches every process of the task under proctrack/linuxproc, but only this shell
  # under proctrack/cgroup: it goes on to each running job, which records its own end. This
  # shell starts no further job, and waits for the running ones.
  hydra4j_stop='' hydra4j_terminated='' hydra4j_requeue='' hydra4j_failed=0
  # hydra4j_signal_jobs SIGNAL: to each running job.
  hydra4j_signal_jobs() {
    local p
    for p in "${hydra4j_slot_pid[@]}"; do
      [[ -n $p ]] && kill "-$1" "$p" 2>/dev/null
    done
    return 0
  }
  hydra4j_forward_term() {
    [[ -n $hydra4j_terminated ]] && return
    hydra4j_stop=1 hydra4j_terminated=1
    hydra4j_signal_jobs TERM
  }
  trap hydra4j_forward_term TERM
  # The time-limit warning (--signal=B:USR2) reaches this shell only: it goes on to each job.
  # A job not yet started would not have the time to finish: none is started after it.
  ((hydra4j_warn)) && trap 'hydra4j_stop=1; hydra4j_signal_jobs USR2' USR2

  hydra4j_next=$hydra4j_first
  while :; do
    hydra4j_running=()
    for ((hydra4j_s = 0; hydra4j_s < hydra4j_slots; hydra4j_s++)); do
      if [[ -z ${hydra4j_slot_pid[hydra4j_s]} && -z $hydra4j_stop ]] &&
        ((hydra4j_next <= hydra4j_last)); then
        bash -- "$0" "$hydra4j_next" "$hydra4j_task_started_s" "${hydra4j_slot_cpus[hydra4j_s]}" \
          "${hydra4j_slot_gpus[hydra4j_s]:-}" "$hydra4j_error" &
        hydra4j_slot_pid[hydra4j_s]=$!
        hydra4j_next=$((hydra4j_next + 1))
      fi
      [[ -n ${hydra4j_slot_pid[hydra4j_s]} ]] && hydra4j_running+=("${hydra4j_slot_pid[hydra4j_s]}")
    done
    ((${#hydra4j_running[@]} > 0)) || break
    hydra4j_done=''
    wait -n -p hydra4j_done "${hydra4j_running[@]}"
    hydra4j_rc=$?
    # Interrupted by a trap (TERM, USR2): no job ended yet.
    [[ -n $hydra4j_done ]] || continue
    for ((hydra4j_s = 0; hydra4j_s < hydra4j_slots; hydra4j_s++)); do
      [[ ${hydra4j_slot_pid[hydra4j_s]} == "$hydra4j_done" ]] && hydra4j_slot_pid[hydra4j_s]=''
    done
    # 75: the job timed out and asks for the task to be requeued.
    if ((hydra4j_rc == 75)); then
      hydra4j_requeue=1
    elif ((hydra4j_rc != 0)); then
      hydra4j_failed=1
    fi
  done

  if [[ -n $hydra4j_requeue ]]; then
    if scontrol requeue "$hydra4j_task_id"; then
      echo "hydra4j: requeued after TIMEOUT (restart $((${SLURM_RESTART_COUNT:-0} + 1)) of at most $hydra4j_max_num_timeout); its finished jobs are not run again" >&2
      exit 0
    fi
    echo "hydra4j: scontrol requeue $hydra4j_task_id failed; its timed-out jobs stay TIMEOUT" >&2
  fi
  if [[ -n $hydra4j_terminated ]]; then
    # Stopped by SLURM: end by the same signal, so that its accounting says so.
    trap - TERM
    kill -TERM $$
  fi
  exit "$hydra4j_failed"
