"""bench/sweeper.sh's Optuna side: the same problems, budget and seeds as SamplerBench.

Prints `problem optuna seed best` per line (for the noisy problem, the noise-free value of
the trial that looked best). Optuna's TPESampler with its defaults
(n_startup_trials=10, n_ei_candidates=24), sequential trials.
"""
import math
import random
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

H6_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
        [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H6_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
        [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
        [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
        [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
H6_ALPHA = [1.0, 1.2, 3.0, 3.2]


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(H6_A[i][j] * (x[j] - H6_P[i][j]) ** 2 for j in range(6))
        total += H6_ALPHA[i] * math.exp(-inner)
    return -total


def quadratic(lr, width, opt):
    return (math.log10(lr) + 3) ** 2 + ((width - 64) / 64) ** 2 + (0 if opt == "adam" else 0.5)


def noisy_quadratic(trial):
    lr = trial.suggest_float("lr", 1e-6, 1, log=True)
    width = trial.suggest_int("width", 16, 256)
    opt = trial.suggest_categorical("opt", ["sgd", "adam", "rmsprop"])
    # Noise of the same size as the Java side's (seeded differently: only its spread matters).
    return quadratic(lr, width, opt) + 0.05 * random.Random(hash((lr, width, opt))).gauss(0, 1)


PROBLEMS = [("branin", branin), ("hartmann6", hartmann6), ("noisy-quadratic", noisy_quadratic)]

trials, seeds = int(sys.argv[1]), int(sys.argv[2])
for name, f in PROBLEMS:
    for seed in range(seeds):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(f, n_trials=trials)
        # As on the Java side: the noise-free value of the trial that looked best.
        best = quadratic(**study.best_params) if name == "noisy-quadratic" else study.best_value
        print(name, "optuna", seed, best, flush=True)
