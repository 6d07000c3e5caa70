#!/bin/sh
# Simulated package query, `rpm -q --qf <format> <name>...`, for the product's packages only:
# the simulated host has the product installed at the version in <host>/product-version
# (package `expresscls`), and no other package. Format tags other than VERSION and RELEASE are
# left as written. A shell script, not Node like the product simulators: the real rpm answers
# in milliseconds, and a Node start-up per probe would weigh on every upload's timing.
set -u
host="${CLP_HOST_ROOT:?simulator: CLP_HOST_ROOT must be set (by the test sshd)}"

json_string() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

record_call() {
  line="{\"time\":\"$(date -u +%Y-%m-%dT%H:%M:%S.000Z)\",\"argv\":[\"rpm\""
  for arg in "$@"; do
    line="$line,$(json_string "$arg")"
  done
  printf '%s],"cwd":%s}\n' "$line" "$(json_string "$PWD")" >>"$host/calls.jsonl"
}

record_call "$@"
if [ "$#" -lt 3 ] || [ "$1" != "-q" ] || [ "$2" != "--qf" ] || [ -z "$3" ]; then
  echo 'rpm (simulated): only "rpm -q --qf <format> <name>..." is supported' >&2
  exit 2
fi
format=$3
shift 3
version=""
release=""
if [ -f "$host/product-version" ]; then
  full=$(tr -d '[:space:]' <"$host/product-version")
  version=${full%%-*}
  case "$full" in *-*) release=${full#*-} ;; esac
fi
status=0
for name in "$@"; do
  if [ "$name" = "expresscls" ] && [ -n "$version" ]; then
    expanded=$(printf '%s' "$format" | sed -e "s/%{VERSION}/$version/g" -e "s/%{RELEASE}/$release/g")
    printf '%b' "$expanded"
  else
    echo "package $name is not installed"
    status=1
  fi
done
exit "$status"
