"""Records facts about real Hydra 1.3 as golden cases for hydra4j's conformance tests.

Usage (needs Python Hydra importable, e.g. /opt/peer/py):
    /opt/peer/py scripts/golden/hydra_golden.py
It reads the case specs in real_world_cases.py, runs Hydra on each (every case in its own
process, so Hydra's global state never leaks between cases) and writes
core/src/test/resources/conformance-real-world/{compose,sweeps}.json in the encoding
of the shared conformance README.
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "core", "src", "test", "resources",
                   "conformance-real-world")


def encode(value):
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            out[k if isinstance(k, str) else "$key:" + repr(k)] = encode(v)
        return out
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if hasattr(value, "name") and type(value).__name__ == "RunMode":
        return value.name
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
    return value


def dig(tree, dotted):
    for part in dotted.split("."):
        if not isinstance(tree, dict) or part not in tree:
            return "<absent>"
        tree = tree[part]
    return tree


def write_tree(root, files):
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(textwrap.dedent(text))


def error_of(e):
    return {"ok": False, "error_class": type(e).__name__, "message": str(e)}


def run_compose(case):
    from hydra import compose, initialize_config_dir
    from hydra.core.global_hydra import GlobalHydra
    from hydra.types import RunMode
    from omegaconf import OmegaConf

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        write_tree(tmp, case["files"])
        with initialize_config_dir(version_base=case.get("version_base", "1.3"),
                                   config_dir=tmp):
            try:
                cfg = compose(case["config_name"], case["overrides"],
                              return_hydra_config=True)
            except Exception as e:  # the error is the fact we record
                out.update(error_of(e))
                return out
            loader = GlobalHydra.instance().config_loader()
            defaults = loader.compute_defaults_list(
                case["config_name"], case["overrides"], RunMode.RUN)
            out["defaults"] = [
                {"config_path": d.config_path, "package": d.package, "parent": d.parent,
                 "is_self": d.is_self, "primary": d.primary}
                for d in defaults.defaults
                # hydra's own configs differ (hydra4j ships other launchers): user part only
                if not (d.config_path.startswith("hydra/") or d.parent.startswith("hydra/"))]
            choices = OmegaConf.to_container(cfg.hydra.runtime.choices)
            out["choices"] = {k: v for k, v in choices.items() if not k.startswith("hydra/")}
            out["hydra_choices"] = {
                k: v for k, v in choices.items()
                if k.startswith(("hydra/job_logging", "hydra/hydra_logging",
                                 "hydra/launcher", "hydra/sweeper"))}
            hydra_node = OmegaConf.to_container(cfg.hydra, resolve=False, enum_to_str=True)
            out["hydra_values"] = {
                key: encode(dig(hydra_node, key)) for key in case.get("hydra_keys", [])}
            job = OmegaConf.masked_copy(cfg, [k for k in cfg.keys() if k != "hydra"])
            out["ok"] = True
            try:
                out["config"] = encode(OmegaConf.to_container(job, resolve=True))
                out["resolved"] = True
            except Exception:
                out["config"] = encode(OmegaConf.to_container(job, resolve=False))
                out["resolved"] = False
    return out


APP = """
import json, os
import hydra
from hydra.core.hydra_config import HydraConfig
from omegaconf import OmegaConf

@hydra.main(version_base=%r, config_path="conf", config_name=%r)
def main(cfg):
    h = HydraConfig.get()
    record = {
        "num": h.job.get("num"),
        "overrides": list(h.overrides.task),
        "override_dirname": h.job.override_dirname,
        "choices": {k: v for k, v in h.runtime.choices.items() if not k.startswith("hydra/")},
        "output_dir": os.path.relpath(h.runtime.output_dir, %r),
        "config": OmegaConf.to_container(cfg, resolve=True),
    }
    with open(os.path.join(%r, "jobs.jsonl"), "a") as f:
        f.write(json.dumps(record) + "\\n")

main()
"""


def run_app(case, args):
    with tempfile.TemporaryDirectory() as tmp:
        write_tree(os.path.join(tmp, "conf"), case["files"])
        with open(os.path.join(tmp, "app.py"), "w") as f:
            f.write(APP % (case.get("version_base", "1.3"), case["config_name"], tmp, tmp))
        env = dict(os.environ, **case.get("env", {}))
        proc = subprocess.run([sys.executable, "app.py"] + args, cwd=tmp, env=env,
                              capture_output=True, text=True)
        jobs = []
        path = os.path.join(tmp, "jobs.jsonl")
        if os.path.exists(path):
            with open(path) as f:
                jobs = [json.loads(line) for line in f]
        return proc, jobs


def run_sweep(case):
    proc, jobs = run_app(case, ([] if case.get("no_m") else ["-m"]) + case["overrides"])
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        return {"ok": False, "exit": proc.returncode, "message": "\n".join(lines[-6:])}
    jobs.sort(key=lambda j: j["num"])
    for j in jobs:
        j["config"] = encode(j["config"])
    return {"ok": True, "job_count": len(jobs), "jobs": jobs}


def run_cli(case):
    proc, _ = run_app(case, case["args"])
    return {"exit": proc.returncode, "stdout": proc.stdout,
            "stderr_tail": "\n".join(proc.stderr.strip().splitlines()[-4:])}


def example_files():
    root = os.path.join(HERE, "..", "..", "examples", "lightning-style", "configs")
    files = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.endswith(".yaml"):
                full = os.path.join(dirpath, name)
                with open(full) as f:
                    files[os.path.relpath(full, root)] = f.read()
    return files


def child():
    case = json.load(sys.stdin)
    kind = case.get("kind", "compose")
    result = {"compose": run_compose, "sweep": run_sweep, "cli": run_cli}[kind](case)
    json.dump(result, sys.stdout)


def main():
    sys.path.insert(0, HERE)
    import real_world_cases
    import hydra
    os.makedirs(OUT, exist_ok=True)
    for kind, name in (("compose", "compose.json"), ("sweep", "sweeps.json"),
                       ("cli", "cli.json"), ("example", "example.json")):
        cases = []
        for spec in getattr(real_world_cases, kind.upper() if kind != "sweep" else "SWEEPS"):
            if kind == "example":
                spec = dict(spec, files=example_files(), config_name="train",
                            env={"PROJECT_ROOT": "/project"})
            spec = dict(spec, kind="cli" if kind == "example" else kind)
            spec["files"] = {k: textwrap.dedent(v) for k, v in spec["files"].items()}
            proc = subprocess.run([sys.executable, __file__, "--child"],
                                  input=json.dumps(spec), capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit("case %s crashed:\n%s" % (spec["id"], proc.stderr))
            result = json.loads(proc.stdout)
            spec.pop("kind")
            if kind == "example":
                spec.pop("files")
            spec.update(result)
            cases.append(spec)
            print(spec["id"], "ok" if result.get("ok", True) else "error", file=sys.stderr)
        with open(os.path.join(OUT, name), "w") as f:
            json.dump({"hydra_version": hydra.__version__, "count": len(cases),
                       "cases": cases}, f, indent=1, sort_keys=False)
            f.write("\n")


if __name__ == "__main__":
    child() if sys.argv[1:] == ["--child"] else main()
