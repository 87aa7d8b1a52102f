#!/usr/bin/env python3
"""The floor for a sweep that keeps Hydra's record of every job, as a second anchor to xargs.

Runs JOBS x `true` on two worker processes (like n_jobs=2) and, for each job, creates the
same files as a hydra4j job directory: the job directory, .hydra/ with config.yaml,
config.json, hydra.yaml (the size of hydra4j's) and overrides.yaml, stdout.log and
stderr.log as the task's output, combined.log, and status.json. Nothing is composed,
flushed or checked, and the process starts by posix_spawn with no helper: what remains is
what the file system and the kernel charge for the files and the processes themselves.

    bench/layout_floor.py DIR JOBS HYDRA_YAML_BYTES
"""

import os
import sys

TRUE = "/usr/bin/true"


def job(root, i, hydra_yaml):
    d = os.path.join(root, str(i))
    h = os.path.join(d, ".hydra")
    os.makedirs(h)
    for name, text in (
        ("config.yaml", b"x: %d\n" % i),
        ("config.json", b'{\n  "x": %d\n}\n' % i),
        ("hydra.yaml", hydra_yaml),
        ("overrides.yaml", b"- x=%d\n" % i),
    ):
        with open(os.path.join(h, name), "wb") as f:
            f.write(text)
    out = os.open(os.path.join(d, "stdout.log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(os.path.join(d, "stderr.log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    pid = os.posix_spawn(
        TRUE, [TRUE], os.environ,
        file_actions=[(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, err, 2)])
    os.close(out)
    os.close(err)
    _, status = os.waitpid(pid, 0)
    open(os.path.join(d, "combined.log"), "wb").close()
    with open(os.path.join(d, "status.json"), "wb") as f:
        f.write(b'{"num":%d,"state":"COMPLETED","exit_code":%d}\n' % (i, status >> 8))


def main():
    root, jobs, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    hydra_yaml = (b"hydra:\n  x: 0123456789abcdef\n" * (size // 28 + 1))[:size]
    os.makedirs(root, exist_ok=True)
    pids = []
    for worker in range(2):
        pid = os.fork()
        if pid == 0:
            for i in range(worker, jobs, 2):
                job(root, i, hydra_yaml)
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
