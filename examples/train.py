#!/usr/bin/env python3
"""A stand-in training script for the hydra4j examples (Python 3 standard library only).

It reads the job's resolved config through examples/python/hydra4j_task.py, "trains" for
a second or so, prints progress like a real trainer, logs a loss and a speed curve
(metrics.jsonl) and writes its final metrics.json into the job directory
($HYDRA4J_JOB_DIR), where `hydra4j collect` finds them.
"""
import math
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "python"))
import hydra4j_task as h4  # noqa: E402


def main():
    cfg = h4.config()
    rng = random.Random(cfg.get("seed", 0))
    fraction = cfg.experiment.frame_sample_fractions.person
    epochs = int(cfg.training.epochs)
    lr = float(cfg.training.lr)
    step_s = float(os.environ.get("TRAIN_STEP_SECONDS", "0.05"))

    print(f"training {cfg.run_name}: {epochs} epochs, lr={lr}, person fraction={fraction}",
          flush=True)
    loss = 2.0
    for epoch in range(1, epochs + 1):
        started = time.time()
        time.sleep(step_s)
        loss = loss * (1 - min(0.5, lr * 8)) + 0.02 * rng.random()
        print(f"epoch {epoch}/{epochs} loss={loss:.4f}", flush=True)
        h4.log(step=epoch, loss=round(loss, 4), sps=round(256 / (time.time() - started), 1))
    # More data and a sensible learning rate give a better (made-up) score.
    score = (1 - math.exp(-3 * fraction)) * (1 - abs(math.log10(lr) + 2) * 0.1)
    score = round(max(0.0, min(1.0, score - 0.02 * rng.random())), 4)
    h4.summary(loss=round(loss, 4), mAP50=score, epochs=epochs)
    print(f"PDM score: {score}", flush=True)
    print(f"validation finished: mAP50={score}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
