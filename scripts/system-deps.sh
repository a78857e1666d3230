#!/usr/bin/env bash
# Install the Debian packages bioregion needs, when they are missing and we may (root + apt).
#   report: Pango for the PDF report (WeasyPrint)
#   test:   also PostgreSQL (store tests) and Chromium with its driver (browser tests)
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "${1:-report}" = test ]; then
  want+=(postgresql chromium chromium-driver)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "warning: missing Debian packages (${missing[*]}); install them with apt-get as root" >&2
fi
