#!/bin/sh
# Install the system packages that are missing, on Debian and on Ubuntu (and the systems
# built on them, UOS and Kylin). Each argument is one package, or alternatives separated
# by commas, Debian's name first: chromium,chromium-browser. An alternative already
# installed counts; otherwise the first name apt knows is installed.
set -e
SUDO=${SUDO-}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

missing=""
for entry in "$@"; do
    found=""
    for name in $(echo "$entry" | tr ',' ' '); do
        if installed "$name"; then found=1; break; fi
    done
    [ -n "$found" ] || missing="$missing $entry"
done
[ -n "$missing" ] || exit 0

$SUDO apt-get update
chosen=""
for entry in $missing; do
    pick=""
    for name in $(echo "$entry" | tr ',' ' '); do
        if apt-cache show "$name" >/dev/null 2>&1; then pick=$name; break; fi
    done
    if [ -z "$pick" ]; then
        echo "找不到软件包 $entry（apt 不认识其中任何一个名字）" >&2
        exit 1
    fi
    chosen="$chosen $pick"
done
echo "Installing system packages:$chosen"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $chosen
