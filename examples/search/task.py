#!/usr/bin/env python3
"""A stand-in trainer for the adaptive-search example (Python 3 standard library only).

Its validation loss falls over the epochs towards a value that is best at lr=1e-3,
width=64 and optimizer=adam. Each epoch appends {"step": e, "val/loss": ...} to
metrics.jsonl (the curve a pruner reads); the end writes metrics.json. Wider models take
longer per epoch, so trials have uneven durations.
"""
import json
import math
import os
import time


def main():
    with open(os.environ["HYDRA4J_CONFIG_JSON"], encoding="utf-8") as f:
        cfg = json.load(f)
    model, train = cfg["model"], cfg["train"]
    job_dir = os.environ.get("HYDRA4J_JOB_DIR", ".")
    target = ((math.log10(model["lr"]) + 3) ** 2 + ((model["width"] - 64) / 64) ** 2
              + (0.0 if model["optimizer"] == "adam" else 0.5))
    step_s = float(train["step_s"]) * model["width"] / 64
    loss = target
    with open(os.path.join(job_dir, "metrics.jsonl"), "a", encoding="utf-8") as curve:
        for epoch in range(1, int(train["epochs"]) + 1):
            time.sleep(step_s)
            loss = target + 2.0 / epoch
            curve.write(json.dumps({"step": epoch, "val/loss": loss}) + "\n")
            curve.flush()
            print(f"epoch {epoch} val/loss={loss:.4f}", flush=True)
    with open(os.path.join(job_dir, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump({"val/loss": loss}, f)


if __name__ == "__main__":
    main()
