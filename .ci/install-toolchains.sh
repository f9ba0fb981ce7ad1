#!/usr/bin/env bash
# Installs the toolchains the example programs run with (tests/examples), and only those that
# are missing: on a machine that has them all it changes nothing and needs no network.
set -euo pipefail

works() { "$@" >/dev/null 2>&1; }

missing=()
works curl --version || missing+=(curl)
# The Python example runs in a virtual environment (python3 -m venv), which Debian packages apart.
works python3 -c 'import ensurepip, venv' || missing+=(python3-venv)
works php -r 'exit(function_exists("curl_init") ? 0 : 1);' || missing+=(php-cli php-curl)
# `java File.java` needs Java 17+ with its compiler (a JDK, not just a JRE).
java_major=$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1 || true)
if [ "${java_major:-0}" -lt 17 ] || ! java --list-modules 2>/dev/null | grep -q '^jdk\.compiler@'; then
  missing+=(openjdk-17-jdk-headless)
fi
works go version || missing+=(golang)
# Debian has no .NET SDK; Mono's mcs compiles and runs the C# examples.
{ works mcs --version && works mono --version; } || missing+=(mono-devel)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-toolchains: curl, python3-venv, php, java 17, go and mono are all present"
  exit 0
fi
echo "install-toolchains: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
