"""The job's side of hydra4j, in the Python standard library only.

Copy this file next to your training script (or put examples/python on sys.path) and:

    import hydra4j_task as h4
    cfg = h4.config()                       # the job's resolved config
    lr = cfg.training.lr                    # attribute access, nested
    for step in range(1000):
        ...
        h4.log(step=step, loss=loss, sps=samples_per_second)   # one point of each curve
    h4.summary(mAP50=score)                 # final values, in metrics.json

`log` appends one JSON object per line to $HYDRA4J_JOB_DIR/metrics.jsonl; `hydra4j
collect` shows each metric's last (or best, min, max) value, and `report` and `notebook`
draw the curves. `time` (seconds since this module was imported) is added to every line.
Outside hydra4j (no $HYDRA4J_JOB_DIR) the files go to the current directory.
"""
import json
import os
import time

_STARTED = time.time()


class Config(dict):
    """A config mapping whose keys are also attributes: cfg.training.lr == cfg["training"]["lr"]."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"the config has no key '{name}' (keys: {', '.join(self)})") from None

    def __setattr__(self, name, value):
        self[name] = value


def _wrap(value):
    if isinstance(value, dict):
        return Config({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def job_dir():
    """The job's directory, where its logs, config and metrics live."""
    return os.environ.get("HYDRA4J_JOB_DIR", ".")


def config(path=None):
    """The job's resolved config, from $HYDRA4J_CONFIG_JSON (hydra4j sets it)."""
    path = path or os.environ.get("HYDRA4J_CONFIG_JSON",
                                  os.path.join(job_dir(), ".hydra", "config.json"))
    with open(path, encoding="utf-8") as f:
        return _wrap(json.load(f))


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)  # numpy scalars, tensors with __float__
        except (TypeError, ValueError):
            raise TypeError(f"a metric must be a number, not {value!r}") from None
    return value


def log(step=None, **metrics):
    """Appends one point of each named metric's curve: log(step=10, reward=3.2, sps=850)."""
    line = {}
    if step is not None:
        line["step"] = _number(step)
    line["time"] = round(time.time() - _STARTED, 3)
    for name, value in metrics.items():
        line[name] = _number(value)
    text = json.dumps(line, allow_nan=True) + "\n"
    # One write of one line: a reader never sees half a line except at the very end.
    with open(os.path.join(job_dir(), "metrics.jsonl"), "a", encoding="utf-8") as f:
        f.write(text)


def summary(**metrics):
    """Writes final values to metrics.json (merged with what an earlier call wrote)."""
    path = os.path.join(job_dir(), "metrics.json")
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            values = json.load(f)
    for name, value in metrics.items():
        values[name] = value if isinstance(value, (str, bool)) else _number(value)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(values, f, indent=2, allow_nan=True)
    os.replace(tmp, path)


__all__ = ["Config", "config", "job_dir", "log", "summary"]
