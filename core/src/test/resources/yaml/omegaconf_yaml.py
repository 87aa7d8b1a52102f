"""A stand-in for OmegaConf 2.2's YAML loading and to_yaml, built on PyYAML only.

OmegaConf tweaks PyYAML's SafeLoader (float without a dot, no timestamps, duplicate
string keys are errors) and dumps with yaml.Dumper plus a str representer that
single-quotes strings Python would read as bool/int/float.
"""
import re
import yaml

BOOL22 = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True",
          "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"}


def _py_accepts(fn, s):
    try:
        fn(s)
        return True
    except ValueError:
        return False


class Loader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen = set()
        for k, _ in node.value:
            if k.tag != "tag:yaml.org,2002:str":
                continue
            if k.value in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    "found duplicate key %s" % k.value, k.start_mark)
            seen.add(k.value)
        return super().construct_mapping(node, deep=deep)


Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"""^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                 |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
                 |\.[0-9_]+(?:[eE][-+][0-9]+)?
                 |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                 |[-+]?\.(?:inf|Inf|INF)
                 |\.(?:nan|NaN|NAN))$""", re.X),
    list("-+0123456789."))
Loader.yaml_implicit_resolvers = {
    first: [(t, r) for t, r in rs if t != "tag:yaml.org,2002:timestamp"]
    for first, rs in Loader.yaml_implicit_resolvers.items()}


class Dumper(yaml.Dumper):
    pass


def _str(dumper, data):
    quoted = data in BOOL22 or _py_accepts(int, data) or _py_accepts(float, data)
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="'" if quoted else None)


Dumper.add_representer(str, _str)


def load(text):
    return yaml.load(text, Loader=Loader)


def to_yaml(obj, sort_keys=False):
    return yaml.dump(obj, default_flow_style=False, allow_unicode=True,
                     sort_keys=sort_keys, Dumper=Dumper)
