#!/usr/bin/env bash
# Install the optional engine extras the test suite exercises. Safe to re-run.
set -euo pipefail
PY="${1:-python3}"
echo "extras: none yet"
