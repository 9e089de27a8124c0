"""`noticeboard doctor`: is this machine able to make good posters quickly?"""

from __future__ import annotations

import platform
import shutil
import subprocess
from dataclasses import dataclass, field

REQUIRED_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")


@dataclass
class Diagnosis:
    lines: list[str] = field(default_factory=list)
    ok: bool = True

    def good(self, text: str) -> None:
        self.lines.append(f"✓ {text}")

    def bad(self, text: str, fix: str) -> None:
        self.lines.append(f"✗ {text}\n    解决办法：{fix}")
        self.ok = False


def chinese_font_families() -> list[str]:
    """Installed families that cover Simplified Chinese, as fontconfig sees them."""
    if shutil.which("fc-list") is None:
        return []
    result = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True,
                            text=True, check=False, timeout=30)
    families = {name.strip() for line in result.stdout.splitlines()
                for name in line.split(",") if name.strip()}
    return sorted(families)


def diagnose() -> Diagnosis:
    report = Diagnosis()
    report.good(f"Python {platform.python_version()}")
    try:
        from noticeboard.poster import engine

        stack = engine.text_stack()
    except (ImportError, OSError) as exc:  # Pango missing: WeasyPrint cannot load
        report.bad(f"WeasyPrint 无法加载：{exc}",
                   "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0，然后重新安装本工具")
        return report
    report.good(f"WeasyPrint {stack.weasyprint}")
    report.good(f"Pango {stack.pango}")
    if stack.harfbuzz_subset:
        report.good("HarfBuzz 字体子集化已启用（中文海报约 0.2 秒一张）")
    else:
        report.bad("未找到 libharfbuzz-subset0：字体子集化会退回 fontTools，每张海报慢约 60 倍",
                   "sudo apt-get install -y libharfbuzz-subset0")
    families = chinese_font_families()
    if families:
        report.good("支持简体中文的字体：" + "、".join(families))
    missing = [name for name in REQUIRED_FAMILIES if name not in families]
    if missing:
        report.bad("缺少默认字体：" + "、".join(missing), "sudo apt-get install -y fonts-noto-cjk")
    return report

