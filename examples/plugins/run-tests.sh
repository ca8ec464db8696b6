#!/bin/sh
# Install every example plugin under examples/plugins/ into the current Python environment
# (which must already have weeknote-parser installed) and run each plugin's own tests.
#
#   sh examples/plugins/run-tests.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python}
for package in "$here"/*/; do
    echo "== $(basename "$package")"
    "$python" -m pip install --quiet "$package"
    (cd "$package" && "$python" -m pytest -q -p no:cacheprovider tests)
done
