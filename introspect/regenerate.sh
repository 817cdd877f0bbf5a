#!/usr/bin/env bash
# Regenerate the committed schemas introspect/schemas/blender-{3.4,4.3,5.2}.json.gz.
#
#   sudo introspect/regenerate.sh [3.4 4.3 5.2]
#
# Blender 3.4 is the host's /usr/bin/blender when that is 3.4 (Debian bookworm), else a bookworm
# chroot; 4.3 and 5.2 run in Debian trixie / sid chroots made by provision.sh (created when
# missing; needs root). Output is deterministic: rerunning on the same Blender builds gives
# byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${BPYTS_CHROOTS:-/var/lib/bpyts/chroots}"
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(3.4 4.3 5.2)

suite_for() {
  case "$1" in
    3.4) echo bookworm ;;
    4.3) echo trixie ;;
    5.2) echo sid ;;
    *) echo "regenerate.sh: no Debian suite known for Blender $1" >&2; exit 1 ;;
  esac
}

blender_for() { # print a Blender executable of version $1, provisioning a chroot if needed
  local v="$1" host="${BLENDER:-/usr/bin/blender}"
  if [ -x "$host" ] && "$host" --version 2>/dev/null | head -n1 | grep -q "^Blender $v\."; then
    echo "$host"
    return
  fi
  if [ ! -x "$root/bin/blender-$v" ]; then
    "$here/provision.sh" "$(suite_for "$v")" >&2
  fi
  echo "$root/bin/blender-$v"
}

mkdir -p "$here/schemas"
for v in "${versions[@]}"; do
  blender="$(blender_for "$v")"
  out="$here/schemas/blender-$v.json.gz"
  echo "regenerate: Blender $v ($blender) -> $out" >&2
  # The dump goes to /tmp (bind-mounted into chroots), then replaces the committed file.
  tmp="$(mktemp -d /tmp/bpyts-regenerate.XXXXXX)"
  # removed however this iteration ends (a failed dump exits below)
  trap 'rm -rf "$tmp"' EXIT
  "$blender" --background --factory-startup --python-exit-code 1 \
    --python "$here/python/bpyts_introspect.py" -- --output "$tmp/schema.json.gz" >"$tmp/log" 2>&1 || {
    tail -n 30 "$tmp/log" >&2
    echo "regenerate: dump of Blender $v failed" >&2
    exit 1
  }
  got="$( (gzip -dc "$tmp/schema.json.gz" | grep -o '"versionString":"[0-9.]*"' | head -n1 | cut -d'"' -f4) || true)"
  case "$got" in
    "$v".*) ;;
    *) echo "regenerate: expected Blender $v, dump says '$got'" >&2; exit 1 ;;
  esac
  mv "$tmp/schema.json.gz" "$out"
  rm -rf "$tmp"
  trap - EXIT
done
# Validate with the TypeScript validator when it is built.
if [ -f "$here/dist/index.js" ] && command -v node >/dev/null; then
  for v in "${versions[@]}"; do
    node --input-type=module -e "
      import { loadSchema } from '$here/dist/index.js';
      const s = await loadSchema('$here/schemas/blender-$v.json.gz');
      console.error('regenerate: blender-$v.json.gz valid (' + s.structs.length + ' structs, ' + s.operators.length + ' operators)');
    "
  done
fi
