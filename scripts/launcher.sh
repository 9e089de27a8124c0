#!/bin/sh
# Put `noticeboard` on PATH: a symbolic link in $2 to the venv's script $1. The script's
# first line names the venv's Python, so the link works from any folder, in any new
# terminal, without activating the venv. Idempotent: a second run changes nothing.
set -e
target=$1
dir=$2
link="$dir/noticeboard"

if [ "$(readlink "$link" 2>/dev/null)" = "$target" ]; then
    exit 0
fi
if [ -e "$link" ] && [ ! -L "$link" ]; then
    # Installed some other way (pipx, pip --user): leave it, and say which one runs.
    echo "注意：$link 已存在（不是本目录安装的），没有替换；要用本目录的版本，请删掉它后重新运行 make setup"
    exit 0
fi
mkdir -p "$dir"
ln -sfn "$target" "$link"
echo "已安装命令 noticeboard：$link -> $target"
case ":$PATH:" in
    *":$dir:"*) ;;
    *) echo "注意：$dir 不在 PATH 里。请运行下面这行，再打开一个新的终端窗口："
       echo "  echo 'export PATH=\"$dir:\$PATH\"' >> ~/.profile" ;;
esac
