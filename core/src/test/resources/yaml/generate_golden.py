"""Regenerates the YAML golden files from the real PyYAML (run with python3 and PyYAML 6).

    python3 generate_golden.py        # writes writer-golden.json and reader-golden.json

Trees are encoded in JSON with floats as {"$float": repr} and mappings as
{"$map": [[key, value], ...]} so that types and key order survive exactly.
"""
import json
import math
import random
import sys

import yaml

import omegaconf_yaml as oc

SEED = 20240611


def encode(value):
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return {"$float": repr(value)}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"$map": [[k, encode(v)] for k, v in value.items()]}
    raise TypeError(type(value))


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


TRICKY = [
    "", " ", "a", "hello world", "???", "${a.b}", "${oc.env:HOME,/tmp}", "pre_${x}_post",
    "1", "-1", "+1", "1.5", "1e3", "1E-5", "1_000", "0x1F", "0o17", "017", "08", "0b101",
    "1:30", "1:30.5", ".5", "1.", ".", "-", "--", "---", "...", "-a", "- a", "?", "? a", "?a",
    ":", ": a", "a:", "a: b", "a:b", "#", "a #b", "a#b", "#a", ",", "a,b", "[a]", "{a}", "a]",
    "&a", "*a", "!a", "|", ">", "'", "\"", "%", "@", "`", "a'b", "a\"b", "it's", "\\", "a\\b",
    "true", "True", "TRUE", "false", "yes", "Yes", "no", "NO", "on", "Off", "y", "Y", "n", "N",
    "null", "Null", "NULL", "~", "nan", "NaN", ".nan", "inf", "-inf", ".inf", "-.inf", "Infinity",
    "2024-01-01", "2024-1-1 10:00:00", "2001-12-14t21:59:43.10-05:00", "=", "<<", "<", "!",
    " a", "a ", " a ", "a  b", "a\tb", "\t", "a\nb", "a\n", "\na", "a\n\nb", "a \nb", "a\n b",
    "a\r\nb", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\xa0", "a\u2028b", "\u2029", "\ufeff",
    "\ue000", "\ufffd", "\uffff", "é", "日本語", "😀", "a😀b", "\U0010ffff", "\U0010fffe",
    "٣", "١٢", "1 ", " 1", "1\u00a0", "1__0", "_1", "1_", "1_0.5", "+.inf", "0", "-0", "00",
    "x" * 79, "x" * 81, "x" * 122, "x" * 123, "x" * 127, "x" * 130,
    "word " * 30, ("word " * 30).strip(), "a" * 85 + " b", "a " * 60, "a  " * 40,
    "long text with 'single quotes' " * 4, "and \"double\" quotes plus tab\t " * 4,
    ("line one is long enough to wrap " * 3 + "\n") * 2, "ends with break " * 6 + "\n",
    " leading space and a long text that keeps going " * 3, "x" * 90 + "\t",
    "\\" * 100, "é" * 90 + " " + "é" * 10, "😀 " * 50, "a\u2028" + "b " * 50,
]


def random_string(rng):
    r = rng.random()
    if r < 0.35:
        return rng.choice(TRICKY)
    if r < 0.5:
        return "".join(rng.choice("ab_-.:#' \"\\\n\t{}[],&*!|>%@`?~=<0123456789eE+") for _ in range(rng.randint(0, 8)))
    if r < 0.6:
        words = ["alpha", "beta", "x", "gamma_delta", "é", "1", "-", "#", ":", "'", "\"", "😀"]
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
    if r < 0.7:
        return "".join(chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0, 0x1f), rng.randint(0x80, 0x3000), rng.randint(0x10000, 0x1f9ff), 0x2028, 0x85, 0xfeff])) for _ in range(rng.randint(1, 12)))
    return rng.choice(["name", "lr", "batch_size", "db", "host", "model.type", "a b", "key", "x1"])


def random_float(rng):
    return rng.choice([
        0.0, -0.0, 1.0, 0.1, 1e-05, 1.5e-07, 1e16, 1.5e+16, 1e22, 123456789.125, -2.5,
        float("inf"), float("-inf"), float("nan"), 5e-324, 1.7976931348623157e308,
        rng.uniform(-1000, 1000), rng.random() * 10 ** rng.randint(-20, 20),
    ])


def random_scalar(rng):
    r = rng.random()
    if r < 0.5:
        return random_string(rng)
    if r < 0.65:
        return rng.choice([0, 1, -1, 42, 2 ** 63, -(2 ** 64), rng.randint(-10 ** 6, 10 ** 6)])
    if r < 0.8:
        return random_float(rng)
    if r < 0.9:
        return rng.choice([True, False])
    return None


def random_tree(rng, depth):
    r = rng.random()
    if depth > 3 or r < 0.4:
        return random_scalar(rng)
    if r < 0.75:
        return {random_string(rng): random_tree(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    return [random_tree(rng, depth + 1) for _ in range(rng.randint(0, 5))]


def writer_cases():
    rng = random.Random(SEED)
    cases = []
    for i, s in enumerate(TRICKY):
        cases.append(("string-%03d" % i, {"value": s, s: ["item", s]} if s else {"value": s, "k": [s]}))
    cases.append(("floats", {"f%d" % i: f for i, f in enumerate([random_float(rng) for _ in range(60)])}))
    cases.append(("ints", {"i": [0, -1, 2 ** 63, -(2 ** 70), 10 ** 30]}))
    cases.append(("nested-lists", {"a": [[1, [2, []]], {}, [{}], [{"x": [1]}]], "b": {"c": {"d": []}}}))
    cases.append(("list-of-maps", {"l": [{"a": 1, "b": {"c": 2}}, {"d": [1, 2]}, [{"e": None}]]}))
    cases.append(("empty-root", {}))
    cases.append(("list-root", [1, {"a": 2}, [3]]))
    cases.append(("scalar-root", "just text"))
    cases.append(("scalar-root-int", 5))
    cases.append(("scalar-root-quoted", "1"))
    for i in range(300):
        tree = random_tree(rng, 0)
        if not isinstance(tree, dict):
            tree = {"root": tree}
        cases.append(("random-%03d" % i, tree))
    out = []
    for case_id, tree in cases:
        text = oc.to_yaml(tree)
        back = oc.load(text)
        roundtrip = same(back, tree) if isinstance(tree, dict) else None
        out.append({"id": case_id, "tree": encode(tree), "yaml": text,
                    "yaml_sorted": oc.to_yaml(tree, sort_keys=True) if not isinstance(tree, (str, int)) else text,
                    "pyyaml_roundtrip": roundtrip})
    return out


READER_INPUTS = [
    "a: 1e3\nb: 1e-5\nc: 1.5e3\nd: 1.0e+3\ne: .5\nf: 1.\ng: -.inf\nh: .NaN\ni: +.inf\nj: 1_000.5\nk: 1:30.5\n",
    "a: 0x1F\nb: 0o17\nc: 017\nd: 08\ne: 0b101\nf: 1_000\ng: 1:30\nh: +1\ni: -0\nj: 0_\nk: 1__0\nl: 190:20:30\nm: 123456789012345678901234567890\n",
    "a: yes\nb: Yes\nc: YES\nd: no\ne: on\nf: OFF\ng: true\nh: False\ni: y\nj: n\nk: Y\nl: yEs\nm: TRue\n",
    "a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: nULL\ng: ''\nh: \"\"\n",
    "a: 2024-01-01\nb: 2001-12-14t21:59:43.10-05:00\nc: 10:00\nd: 1:60\n",
    "a: '1'\nb: \"true\"\nc: 'null'\nd: |\n  line1\n  line2\ne: >\n  folded\n  text\nf: !!str 12\ng: !!int \"12\"\nh: !!float \"1\"\ni: !!bool \"yes\"\nj: !!null \"x\"\n",
    "a: ???\nb: ${x.y}\nc: pre_${x}_post\nd: ${oc.env:HOME,/tmp}\ne: '${a}'\n",
    "base: &b\n  x: 1\n  y: 2\nderived:\n  <<: *b\n  y: 3\n  z: 4\nlist: &l [1, 2]\nagain: *l\n",
    "a: &a {p: 1}\nb: &b {q: 2, p: 3}\nc:\n  <<: [*a, *b]\n  r: 4\nd:\n  r: 0\n  <<: *a\n",
    "a:\n- 1\n- b: 2\n  c: [3, {d: 4}]\n- - 5\n  - 6\ne: {}\nf: []\n",
    "# @package _global_\n# comment\na: 1 # trailing\n",
    "",
    "# only a comment\n",
    "---\na: 1\n...\n",
    "a: 'it''s'\nb: \"tab\\there\\u00e9\\U0001F600\"\nc: 'folded\n\n  lines'\nd: plain\n  continued\n",
    "a: 1.0\nb: -2.5e-3\nc: 3.0E+2\nd: 6.02e23\ne: 0.1\nf: 1e400\n",
    "a: [a, 'b', \"c\", 1, 1.5, true, null, ~]\nb: {x: 1, 'y': two}\n",
]


def reader_cases():
    out = []
    for i, text in enumerate(READER_INPUTS):
        value = oc.load(text)
        if value is None:
            value = {}
        out.append({"id": "read-%02d" % i, "yaml": text, "tree": encode(value)})
    return out


def main():
    with open("writer-golden.json", "w", encoding="utf-8") as f:
        json.dump({"pyyaml": yaml.__version__, "seed": SEED, "cases": writer_cases()}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open("reader-golden.json", "w", encoding="utf-8") as f:
        json.dump({"pyyaml": yaml.__version__, "cases": reader_cases()}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
