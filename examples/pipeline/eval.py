"""Pipeline stage 2: evaluates the model its upstream training job wrote (argv[1])."""
import json
import os
import sys

with open(sys.argv[1]) as f:
    model = json.load(f)
score = 1.0 / (1.0 + model["weight"])
# The job runs in the directory it was started from; its own directory is HYDRA4J_JOB_DIR.
with open(os.path.join(os.environ["HYDRA4J_JOB_DIR"], "metrics.json"), "w") as f:
    json.dump({"score": score}, f)
print("seed", model["seed"], "score", round(score, 4))
