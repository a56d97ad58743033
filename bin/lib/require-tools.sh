# require_tools COMMAND:DEBIAN_PACKAGE ...
# Installs the Debian packages of missing commands when running as root; otherwise names them and fails.
require_tools() {
  local missing=() pkgs=() pair cmd pkg
  for pair in "$@"; do
    cmd="${pair%%:*}"; pkg="${pair#*:}"
    if ! command -v "$cmd" >/dev/null 2>&1; then
      missing+=("$cmd"); pkgs+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: ${missing[*]}. Install them with: sudo apt-get install -y ${pkgs[*]}" >&2
    exit 1
  fi
  echo "installing ${pkgs[*]} (for ${missing[*]}) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${pkgs[@]}" >&2
}
