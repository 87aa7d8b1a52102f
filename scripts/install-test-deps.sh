#!/usr/bin/env bash
# Installs what the results tests need from Debian's packages, when missing: Chromium, to
# open the HTML report as a person would; python3-nbformat, to validate the notebook; and
# pandas, matplotlib, jupyter-nbconvert and a Python kernel, to execute it headlessly; and,
# from the npm registry, Red Hat's yaml-language-server, which checks the exported JSON Schema
# as a YAML editor uses it (YamlLanguageServerIT).
# Idempotent; called by scripts/test.sh. Without root or apt-get it only says what is
# missing (those tests then skip, except under CI=true, where they fail).
set -euo pipefail

say() { printf 'install-test-deps.sh: %s\n' "$*"; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Debian's python3-nbformat lands in /usr/bin/python3's path, whatever python3 is first on PATH.
py=/usr/bin/python3
[[ -x "$py" ]] || py=python3
"$py" -c 'import nbformat' >/dev/null 2>&1 || missing+=(python3-nbformat)
"$py" -c 'import pandas' >/dev/null 2>&1 || missing+=(python3-pandas)
"$py" -c 'import matplotlib' >/dev/null 2>&1 || missing+=(python3-matplotlib)
"$py" -c 'import ipykernel' >/dev/null 2>&1 || missing+=(python3-ipykernel)
command -v jupyter-nbconvert >/dev/null 2>&1 || missing+=(jupyter-nbconvert)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

# yaml-language-server, pinned, into a cache beside the user's other tools (not the repository).
yaml_ls() {
  local tools="$HOME/.cache/hydra4j-tools"
  [[ -x "$tools/node_modules/.bin/yaml-language-server" ]] && return 0
  command -v npm >/dev/null 2>&1 || return 0
  say "installing yaml-language-server into $tools"
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund yaml-language-server@1.19.2 >/dev/null) \
    || say "could not install yaml-language-server; YamlLanguageServerIT will skip (fail under CI=true)"
}
# Last, after apt-get may have brought npm.
trap yaml_ls EXIT

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  say "missing ${missing[*]}; not root or no apt-get, so the tests that need them will skip"
  exit 0
fi
say "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; then
  apt-get update -q >/dev/null
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
