"""Pipeline stage 1: 'trains' a model and writes it into the job's directory."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import hydra4j_task  # noqa: E402

cfg = hydra4j_task.config()
if cfg.seed == int(os.environ.get("FAIL_SEED", "-1")):
    sys.exit("training diverged")  # to see SKIPPED: FAIL_SEED=2 ../../hydra4j -m --pipeline ...
with open(os.path.join(hydra4j_task.job_dir(), "model.txt"), "w") as f:
    f.write(json.dumps({"seed": cfg.seed, "weight": cfg.lr * (cfg.seed + 1)}))
print("trained seed", cfg.seed)
