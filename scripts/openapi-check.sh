#!/usr/bin/env bash
# Checks the JSON API's OpenAPI document with real tools: a standard validator
# (openapi-spec-validator) and a client generator (openapi-python-client), whose
# client must then import. Both are pinned and installed into a virtualenv under
# ~/.cache, so a second run needs no network.
#
#   scripts/openapi-check.sh path/to/bashke
set -euo pipefail

binary=$(realpath "$1")
venv=${XDG_CACHE_HOME:-$HOME/.cache}/bashke-openapi-venv
work=$(mktemp -d -t bashke-openapi.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [[ ! -x $venv/bin/openapi-python-client ]]; then
  echo "openapi: installing the validator and the client generator into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    openapi-spec-validator==0.9.0 openapi-python-client==0.29.1
fi

# The document needs no database: the binary prints it.
BASHKE_DATA_DIR=$work "$binary" openapi > "$work/openapi.json"
"$venv/bin/openapi-spec-validator" "$work/openapi.json"
# No formatter hooks (ruff is not needed); any other warning means pieces of the client are
# missing, and fails the check.
printf 'post_hooks: []\n' > "$work/config.yaml"
(cd "$work" && "$venv/bin/openapi-python-client" generate --path openapi.json --config config.yaml \
  --meta none --output-path client) 2>&1 | tee "$work/generate.log"
if grep -qi 'warning' "$work/generate.log"; then
  echo "openapi: the client generator warned (see above)" >&2
  exit 1
fi
(cd "$work" && "$venv/bin/python" -c 'import client, client.api; print("openapi: client generated and imported")')
