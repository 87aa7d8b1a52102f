#!/usr/bin/env bash
# A real single-node SLURM cluster on loopback, for hydra4j's integration tests and demos.
# Built for a Debian bookworm machine where we are root and PID 1 is not systemd: apt starts no
# daemon there, so this script starts and stops each one itself.
#
# usage: scripts/slurm-local.sh up [--clean] | down [--clean] | status | logs [LINES]
#   up      install what is missing, write the config, start munged -> mariadbd -> slurmdbd ->
#           slurmctld -> slurmd, wait until the node is usable. Does nothing when all is up with
#           the same config; restarts what a config change touches. --clean: wipe state first.
#   down    cancel every job (stopping slurmd does not kill them), stop the daemons.
#           --clean: also wipe controller state, the jobcomp log and the accounting database,
#           so job ids start again at 1.
#   status  what runs, the node, the jobs.
#   logs    the last LINES (default 20) of each log.
# knobs (environment):
#   SLURM_ACCOUNTING=1      0 = no slurmdbd/mariadb; sacct then says accounting is disabled
#   SLURM_CPUS=4            CPUs advertised for the node (more than real is fine: config_overrides)
#   SLURM_MAX_ARRAY_SIZE=10001   array indices 0..N-1
#   SLURM_MIN_JOB_AGE=300   seconds a finished job stays visible to squeue/scontrol
#   SLURM_WAIT=60           seconds to wait for each daemon and for the node
#   SLURM_MEMORY=auto       how a job's --mem is enforced: cgroup (the kernel stops the job at
#                           its limit; sacct says OUT_OF_MEMORY), poll (slurmstepd samples
#                           usage each second and kills the job over it; sacct says FAILED),
#                           auto = cgroup when cgroup v1 memory+freezer are usable, else poll.
# with accounting, limits are enforced as on a real cluster, and the QOS hydra4j-limited
# (MaxSubmitJobsPerUser=3) lets the tests meet a submit limit without touching other jobs.
set -euo pipefail

ACCOUNTING=${SLURM_ACCOUNTING:-1}
CPUS=${SLURM_CPUS:-4}
MAX_ARRAY_SIZE=${SLURM_MAX_ARRAY_SIZE:-10001}
MIN_JOB_AGE=${SLURM_MIN_JOB_AGE:-300}
WAIT=${SLURM_WAIT:-60}
MEMORY=${SLURM_MEMORY:-auto}

CONF_DIR=/etc/slurm
SLURM_CONF_FILE=$CONF_DIR/slurm.conf
DBD_CONF_FILE=$CONF_DIR/slurmdbd.conf
CGROUP_CONF_FILE=$CONF_DIR/cgroup.conf
LOG_DIR=/var/log/slurm
STATE_DIR=/var/spool/slurmctld
SPOOL_DIR=/var/spool/slurmd
STAMP_DIR=/run/slurm-local # the config each running daemon was started with
DB_NAME=slurm_acct_db
MUNGE_PID=/run/munge/munged.pid
MARIADB_PID=/run/mysqld/mysqld.pid
DBD_PID=/run/slurmdbd.pid
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid

START_NS=$(date +%s%N)
say() { # one short line per step, with the time since the script started
  local now
  now=$(date +%s%N)
  printf '[%5.1fs] %s\n' "$(((now - START_NS) / 1000000))e-3" "$*"
}
die() {
  say "error: $*" >&2
  exit 1
}

is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }
is_uint "$CPUS" && ((CPUS > 0)) || die "SLURM_CPUS must be a positive integer, got '$CPUS'"
is_uint "$MAX_ARRAY_SIZE" || die "SLURM_MAX_ARRAY_SIZE must be an integer, got '$MAX_ARRAY_SIZE'"
is_uint "$MIN_JOB_AGE" || die "SLURM_MIN_JOB_AGE must be an integer, got '$MIN_JOB_AGE'"
is_uint "$WAIT" || die "SLURM_WAIT must be an integer, got '$WAIT'"
[[ $MEMORY =~ ^(auto|cgroup|poll)$ ]] || die "SLURM_MEMORY must be auto, cgroup or poll, got '$MEMORY'"
[[ $ACCOUNTING == 0 || $ACCOUNTING == 1 ]] || die "SLURM_ACCOUNTING must be 0 or 1, got '$ACCOUNTING'"

# --- processes -------------------------------------------------------------------------------

# PID 1 here reaps exited daemons late; a zombie still answers kill -0, so read its state.
pid_alive() {
  local pid=$1 state
  [[ -n $pid && -r /proc/$pid/status ]] || return 1
  state=$(awk '/^State:/ {print $2; exit}' "/proc/$pid/status" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]]
}

pid_of() { # pid from a pid file, if that process is alive
  local file=$1 pid
  [[ -r $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  pid_alive "$pid" && echo "$pid"
}

running() { pid_of "$1" >/dev/null; }

wait_until() { # wait_until SECONDS COMMAND...: poll every 0.1 s
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

stop_daemon() { # stop_daemon NAME PIDFILE
  local name=$1 file=$2 pid
  if ! pid=$(pid_of "$file"); then
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until 20 not_alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 not_alive "$pid" || die "$name (pid $pid) does not stop"
    say "$name: killed (pid $pid did not stop on TERM)"
  else
    say "$name: stopped (pid $pid)"
  fi
  rm -f "$file" "$STAMP_DIR/$name"
}
not_alive() { ! pid_alive "$1"; }

fail_with_log() { # fail_with_log MESSAGE LOGFILE
  say "error: $1; last lines of $2:" >&2
  tail -n 15 "$2" >&2 2>/dev/null || true
  exit 1
}

# --- install ---------------------------------------------------------------------------------

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

install_packages() {
  local wanted=(slurmctld slurmd slurm-client munge) missing=() pkg
  if ((ACCOUNTING)); then
    wanted+=(slurmdbd mariadb-server)
  fi
  for pkg in "${wanted[@]}"; do
    installed "$pkg" || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    say "packages: present"
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # apt's postinst scripts try to start the daemons and are refused here; that is harmless.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/slurm-local-apt.log 2>&1 ||
    fail_with_log "apt-get install ${missing[*]} failed" /tmp/slurm-local-apt.log
  say "packages: installed ${missing[*]}"
}

# --- configuration ---------------------------------------------------------------------------

NODE=$(hostname -s)

ensure_host_resolves() {
  # slurmd finds its node record by hostname, and the daemons talk over the address it resolves to.
  if ! getent hosts "$NODE" >/dev/null; then
    echo "127.0.0.1 $NODE" >>/etc/hosts
    say "hosts: added 127.0.0.1 $NODE to /etc/hosts"
  fi
}

real_memory_mb() {
  # RealMemory must be set (the default 1 MB rejects any --mem) and must not exceed what
  # slurmd measures, so take slurmd's own measurement.
  local mb
  mb=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -n 1)
  is_uint "${mb:-x}" || die "could not read RealMemory from 'slurmd -C'"
  echo "$mb"
}

# cgroup v1 with writable memory and freezer hierarchies (slurmd makes its own cgroups there: PID
# 1 is not systemd). A cgroup v2-only machine needs systemd for SLURM 22.05's cgroup/v2, so it
# polls instead.
cgroup_v1_usable() {
  local c probe
  for c in memory freezer; do
    [[ $(stat -f -c %T "/sys/fs/cgroup/$c" 2>/dev/null) == cgroupfs ]] || return 1
    probe=/sys/fs/cgroup/$c/hydra4j-probe.$$
    mkdir "$probe" 2>/dev/null || return 1
    rmdir "$probe"
  done
}

memory_mode() {
  if [[ $MEMORY != auto ]]; then
    echo "$MEMORY"
  elif cgroup_v1_usable; then
    echo cgroup
  else
    echo poll
  fi
}

# proctrack/cgroup, as on most clusters, sends a job's SIGTERM (scancel, time limit, node failure)
# to its batch script only and SIGKILLs the rest after KillWait; hydra4j's task script passes
# the SIGTERM on to its task (docs/slurm.md). proctrack/linuxproc signals every process.
memory_lines() { # the slurm.conf lines that enforce --mem, for memory_mode $1
  if [[ $1 == cgroup ]]; then
    echo "ProctrackType=proctrack/cgroup
TaskPlugin=task/cgroup
JobAcctGatherType=jobacct_gather/cgroup"
  else
    # Checked every second, so a fast-growing job may briefly exceed its limit before the kill.
    echo "ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherParams=OverMemoryKill
JobAcctGatherFrequency=task=1"
  fi
}

render_slurm_conf() {
  local accounting_lines real_mb
  real_mb=$(real_memory_mb)
  if ((ACCOUNTING)); then
    # Enforcing limits makes submit limits (MaxSubmitJobs) real, as on a production cluster;
    # it needs an association for each user, which slurmdbd creates for root by itself.
    accounting_lines="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=6819
AccountingStorageEnforce=associations,limits,qos"
  else
    accounting_lines="AccountingStorageType=accounting_storage/none"
  fi
  cat <<EOF
# Written by hydra4j scripts/slurm-local.sh; edits are overwritten on the next 'up'.
ClusterName=hydra4j
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
# Listen on the address the hostname resolves to (loopback), not on 0.0.0.0.
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
StateSaveLocation=$STATE_DIR
SlurmdSpoolDir=$SPOOL_DIR
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
# Memory is enforced as on a production cluster: each job step runs in a cgroup (cgroup v1)
# whose memory limit is the job's --mem; a job that exceeds it is OOM-killed and ends
# OUT_OF_MEMORY (SLURM_MEMORY=poll: slurmstepd samples and kills instead). See cgroup.conf,
# DefMemPerCPU below and docs/slurm.md.
$(memory_lines "$(memory_mode)")
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=$MIN_JOB_AGE
MaxArraySize=$MAX_ARRAY_SIZE
SchedulerType=sched/backfill
# Start the next task on the next 1 s tick instead of ~3 s later.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
# In 22.05 this only works here, not in SchedulerParameters.
DependencyParameters=kill_invalid_depend
SelectType=select/cons_tres
# Memory is a consumable resource, or a job's --mem would not reach its cgroup. A job without
# --mem gets the node's memory divided by its CPUs, so CPUs, never memory, bound how many
# small jobs run at once.
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$((real_mb / CPUS))
# Lets the node advertise more CPUs than it has, so a %N throttle gets real concurrency.
SlurmdParameters=config_overrides
JobCompType=jobcomp/filetxt
JobCompLoc=$LOG_DIR/jobcomp.log
$accounting_lines
NodeName=$NODE NodeAddr=127.0.0.1 NodeHostname=$NODE CPUs=$CPUS RealMemory=$real_mb State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
}

render_cgroup_conf() {
  cat <<EOF
# Written by hydra4j scripts/slurm-local.sh; edits are overwritten on the next 'up'.
# PID 1 here is not systemd, so slurmd makes its cgroups itself under the v1 mounts.
CgroupPlugin=cgroup/v1
CgroupMountpoint=/sys/fs/cgroup
CgroupAutomount=no
ConstrainRAMSpace=yes
ConstrainSwapSpace=yes
AllowedRAMSpace=100
AllowedSwapSpace=0
ConstrainCores=no
ConstrainDevices=no
EOF
}

db_password() { # keep the password already written, so the config stays the same across runs
  local pass=""
  if [[ -r $DBD_CONF_FILE ]]; then
    pass=$(sed -n 's/^StoragePass=//p' "$DBD_CONF_FILE")
  fi
  if [[ -z $pass ]]; then
    pass=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 20)
  fi
  echo "$pass"
}

render_dbd_conf() {
  cat <<EOF
# Written by hydra4j scripts/slurm-local.sh; edits are overwritten on the next 'up'.
AuthType=auth/munge
DbdHost=localhost
DbdPort=6819
SlurmUser=root
LogFile=$LOG_DIR/slurmdbd.log
PidFile=$DBD_PID
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageLoc=$DB_NAME
StorageUser=slurm
StoragePass=$1
EOF
}

install_file() { # install_file PATH MODE < content; prints "changed" when it did
  local target=$1 mode=$2 tmp
  tmp=$(mktemp "$target.XXXXXX")
  cat >"$tmp"
  chmod "$mode" "$tmp"
  if [[ -f $target ]] && cmp -s "$tmp" "$target"; then
    rm -f "$tmp"
  else
    mv -f "$tmp" "$target"
    echo changed
  fi
}

write_config() {
  mkdir -p "$CONF_DIR" "$LOG_DIR" "$STATE_DIR" "$SPOOL_DIR" "$STAMP_DIR"
  local changed=""
  changed+=$(render_slurm_conf | install_file "$SLURM_CONF_FILE" 644)
  changed+=$(render_cgroup_conf | install_file "$CGROUP_CONF_FILE" 644)
  if ((ACCOUNTING)); then
    # slurmdbd refuses a config readable by group or others.
    changed+=$(render_dbd_conf "$(db_password)" | install_file "$DBD_CONF_FILE" 600)
  fi
  if [[ -n $changed ]]; then
    say "config: written to $CONF_DIR"
  else
    say "config: unchanged"
  fi
}

conf_sum() { cat "$@" | md5sum | cut -d' ' -f1; }

# Is the daemon running with the config it was started with? Missing stamp = unknown = restart.
stale() { # stale NAME FILES...
  local name=$1
  shift
  [[ $(cat "$STAMP_DIR/$name" 2>/dev/null) != "$(conf_sum "$@")" ]]
}
stamp() {
  local name=$1
  shift
  conf_sum "$@" >"$STAMP_DIR/$name"
}

# --- daemons ---------------------------------------------------------------------------------

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

start_munged() {
  if running "$MUNGE_PID" && munge_works; then
    say "munged: running"
    return
  fi
  # /run is a tmpfs: the socket dir is gone after a reboot. munged refuses to run as root
  # with munge-owned dirs, so run it as munge.
  mkdir -p /run/munge
  chown munge:munge /run/munge
  chmod 0755 /run/munge
  [[ -f /etc/munge/munge.key ]] || runuser -u munge -- mungekey --create >/dev/null
  runuser -u munge -- /usr/sbin/munged >/dev/null 2>&1 ||
    fail_with_log "munged did not start" /var/log/munge/munged.log
  wait_until "$WAIT" munge_works || fail_with_log "munge -n | unmunge fails" /var/log/munge/munged.log
  say "munged: started (pid $(pid_of "$MUNGE_PID" || echo '?'))"
}

mariadb_up() { mariadb-admin --connect-timeout=1 ping >/dev/null 2>&1; }

start_mariadb() {
  if running "$MARIADB_PID" && mariadb_up; then
    say "mariadbd: running"
    return
  fi
  mkdir -p /run/mysqld
  chown mysql:mysql /run/mysqld
  setsid nohup /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1 \
    --pid-file="$MARIADB_PID" --log-error="$LOG_DIR/mariadb.log" </dev/null >/dev/null 2>&1 &
  wait_until "$WAIT" mariadb_up || fail_with_log "mariadbd does not answer" "$LOG_DIR/mariadb.log"
  say "mariadbd: started (pid $(pid_of "$MARIADB_PID" || echo '?'))"
}

ensure_db_user() {
  local pass
  pass=$(sed -n 's/^StoragePass=//p' "$DBD_CONF_FILE")
  # CREATE USER IF NOT EXISTS keeps an old password, so set it again with ALTER USER.
  mariadb -e "CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '$pass';
    ALTER USER 'slurm'@'localhost' IDENTIFIED BY '$pass';
    GRANT ALL ON $DB_NAME.* TO 'slurm'@'localhost';" ||
    die "could not create the database user for slurmdbd"
}

dbd_listening() { (exec 3<>/dev/tcp/127.0.0.1/6819) 2>/dev/null; }

start_slurmdbd() {
  if running "$DBD_PID"; then
    if ! stale slurmdbd "$DBD_CONF_FILE"; then
      say "slurmdbd: running"
      return
    fi
    stop_daemon slurmdbd "$DBD_PID"
  fi
  ensure_db_user
  /usr/sbin/slurmdbd >/dev/null 2>&1 || fail_with_log "slurmdbd did not start" "$LOG_DIR/slurmdbd.log"
  wait_until "$WAIT" dbd_listening || fail_with_log "slurmdbd does not listen on 6819" "$LOG_DIR/slurmdbd.log"
  stamp slurmdbd "$DBD_CONF_FILE"
  say "slurmdbd: started (pid $(pid_of "$DBD_PID" || echo '?'))"
}

# slurmd reads the same slurm.conf (and cgroup.conf), so both restart together when one changed.
SLURM_CONFS=("$SLURM_CONF_FILE" "$CGROUP_CONF_FILE")
start_slurm() {
  if running "$CTLD_PID" && running "$SLURMD_PID" && ! stale slurmctld "${SLURM_CONFS[@]}"; then
    say "slurmctld, slurmd: running"
    return
  fi
  if running "$CTLD_PID" || running "$SLURMD_PID"; then
    say "slurm.conf changed or a daemon is missing: restarting slurmctld and slurmd"
    stop_daemon slurmd "$SLURMD_PID"
    stop_daemon slurmctld "$CTLD_PID"
  fi
  /usr/sbin/slurmctld >/dev/null 2>&1 || fail_with_log "slurmctld did not start" "$LOG_DIR/slurmctld.log"
  wait_until "$WAIT" running "$CTLD_PID" || fail_with_log "slurmctld wrote no pid file" "$LOG_DIR/slurmctld.log"
  stamp slurmctld "${SLURM_CONFS[@]}"
  say "slurmctld: started (pid $(pid_of "$CTLD_PID"))"
  /usr/sbin/slurmd >/dev/null 2>&1 || fail_with_log "slurmd did not start" "$LOG_DIR/slurmd.log"
  wait_until "$WAIT" running "$SLURMD_PID" || fail_with_log "slurmd wrote no pid file" "$LOG_DIR/slurmd.log"
  say "slurmd: started (pid $(pid_of "$SLURMD_PID"))"
}

node_state() { sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n 1; }

node_usable() {
  case $(node_state) in
    idle | mixed | allocated | completing) return 0 ;;
    *) return 1 ;;
  esac
}

wait_for_node() {
  if ! wait_until "$WAIT" node_usable; then
    say "error: node $NODE is '$(node_state)' after ${WAIT}s" >&2
    for log in slurmctld slurmd; do
      echo "--- $LOG_DIR/$log.log" >&2
      tail -n 10 "$LOG_DIR/$log.log" >&2 2>/dev/null || true
    done
    exit 1
  fi
  say "node $NODE: $(node_state) (CPUs=$CPUS)"
}

# A QOS with a small submit limit (MaxSubmitJobsPerUser), for the tests of hydra4j's submit
# throttle: a job asks for it with --qos, so the limit touches no other job.
LIMITED_QOS=hydra4j-limited
LIMITED_QOS_MAX_SUBMIT=3

ensure_limited_qos() {
  if [[ -z $(sacctmgr -n -P show qos "$LIMITED_QOS" format=name 2>/dev/null) ]]; then
    sacctmgr -i add qos "$LIMITED_QOS" "MaxSubmitJobsPerUser=$LIMITED_QOS_MAX_SUBMIT" >/dev/null ||
      die "could not add the QOS $LIMITED_QOS"
  fi
  sacctmgr -i modify qos "$LIMITED_QOS" set "MaxSubmitJobsPerUser=$LIMITED_QOS_MAX_SUBMIT" \
    >/dev/null 2>&1 || true # "nothing modified" when it is already so
  if ! sacctmgr -n -P show assoc user=root format=qos 2>/dev/null | grep -q "$LIMITED_QOS"; then
    sacctmgr -i modify user root set "qos+=$LIMITED_QOS" >/dev/null ||
      die "could not allow the QOS $LIMITED_QOS to root"
  fi
  say "accounting: QOS $LIMITED_QOS (MaxSubmitJobsPerUser=$LIMITED_QOS_MAX_SUBMIT) for root"
}

# --- commands --------------------------------------------------------------------------------

cmd_up() {
  [[ ${1:-} == --clean ]] && cmd_down --clean
  ensure_host_resolves
  install_packages
  write_config
  say "memory: a job's --mem is enforced ($(memory_mode))"
  start_munged
  if ((ACCOUNTING)); then
    start_mariadb
    start_slurmdbd
  else
    stop_daemon slurmdbd "$DBD_PID"
    stop_daemon mariadbd "$MARIADB_PID"
  fi
  start_slurm
  wait_for_node
  if ((ACCOUNTING)); then
    ensure_limited_qos
  fi
}

cancel_all_jobs() {
  running "$CTLD_PID" || return 0
  local ids
  ids=$(squeue -h -o %F 2>/dev/null | sort -u | tr '\n' ' ') || true
  if [[ -z ${ids// /} ]]; then
    return 0
  fi
  # shellcheck disable=SC2086 # one word per job id
  scancel $ids 2>/dev/null || true
  wait_until 20 no_active_jobs || say "warning: jobs still active after scancel"
  say "jobs: cancelled $(wc -w <<<"$ids") job(s)"
}
no_active_jobs() { [[ -z $(squeue -h -t PD,R,CG,S -o %i 2>/dev/null) ]]; }

drop_accounting_db() {
  local started_here=0
  [[ -d /var/lib/mysql/$DB_NAME ]] || return 0
  if ! mariadb_up; then
    start_mariadb
    started_here=1
  fi
  mariadb -e "DROP DATABASE IF EXISTS $DB_NAME;"
  say "accounting: database $DB_NAME dropped"
  ((started_here)) && stop_daemon mariadbd "$MARIADB_PID"
  return 0
}

cmd_down() {
  local clean=0
  [[ ${1:-} == --clean ]] && clean=1
  cancel_all_jobs
  stop_daemon slurmd "$SLURMD_PID"
  stop_daemon slurmctld "$CTLD_PID"
  stop_daemon slurmdbd "$DBD_PID"
  if ((clean)) && command -v mariadb >/dev/null; then
    drop_accounting_db
  fi
  stop_daemon mariadbd "$MARIADB_PID"
  stop_daemon munged "$MUNGE_PID"
  if ((clean)); then
    rm -rf "${STATE_DIR:?}"/* "${SPOOL_DIR:?}"/* "$LOG_DIR/jobcomp.log"
    say "state: wiped $STATE_DIR, $SPOOL_DIR, jobcomp.log"
  fi
  say "down"
}

cmd_status() {
  local name file pid
  for entry in munged:$MUNGE_PID mariadbd:$MARIADB_PID slurmdbd:$DBD_PID slurmctld:$CTLD_PID slurmd:$SLURMD_PID; do
    name=${entry%%:*}
    file=${entry#*:}
    if pid=$(pid_of "$file"); then
      printf '%-10s running (pid %s)\n' "$name" "$pid"
    else
      printf '%-10s stopped\n' "$name"
    fi
  done
  if running "$CTLD_PID"; then
    sinfo -h -o 'node %n: %T, CPUs=%c, RealMemory=%m MB' 2>&1 || true
    printf 'jobs: %s pending or running, %s held (incl. finished)\n' \
      "$(squeue -h -t PD,R,CG,S -o %i 2>/dev/null | wc -l)" "$(squeue -h -t all -o %i 2>/dev/null | wc -l)"
  fi
}

cmd_logs() {
  local lines=${1:-20} log
  is_uint "$lines" || die "logs: LINES must be a number"
  for log in slurmctld slurmd slurmdbd mariadb jobcomp; do
    [[ -f $LOG_DIR/$log.log ]] || continue
    echo "--- $LOG_DIR/$log.log"
    tail -n "$lines" "$LOG_DIR/$log.log"
  done
}

usage() {
  sed -n '6,26p' "$0" | sed 's/^# \{0,1\}//'
}

need_root() { [[ $(id -u) == 0 ]] || die "must run as root (installs packages, starts daemons)"; }
case ${1:-} in
  up) need_root && cmd_up "${2:-}" ;;
  down) need_root && cmd_down "${2:-}" ;;
  status) cmd_status ;;
  logs) cmd_logs "${2:-}" ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
