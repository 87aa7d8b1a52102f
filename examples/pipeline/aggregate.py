"""Pipeline stage 3: reads every evaluation job's metrics.json below the eval stage (argv[1])."""
import json
import pathlib
import sys

scores = [json.loads(p.read_text())["score"] for p in sorted(pathlib.Path(sys.argv[1]).glob("*/metrics.json"))]
print(f"{len(scores)} evaluations, mean score {sum(scores) / len(scores):.4f}")
