"""`noticeboard site --verify`: is this site the one the township signed, and did its log only grow?

Checked, each failure naming its file: the manifest's signature (with the township's
public key when given, else the key the site carries, which proves only that the
site is whole); every listed file's SHA-256; no file added; the log's chain and its
length and last line as signed; each published version's PDF and record against the
log; and, given an earlier copy of the site, that its log is the start of this one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from noticeboard.errors import Finding, error
from noticeboard.site.build import RECORD_FILE, site_files
from noticeboard.site.log import GENESIS, LOG_FILE, PUBLISHED, grew_from, parse_log, read_log
from noticeboard.site.manifest import (
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    SIGNATURE_FILE,
    read_public,
    sha256_of,
    signature_valid,
)


def verify_site(site: Path, public_key: str | None = None,
                earlier: Path | None = None) -> list[Finding]:
    """Every problem found; none means the site is whole and signed."""
    manifest_path = site / MANIFEST_FILE
    try:
        manifest_data = manifest_path.read_bytes()
    except OSError:
        return [_in(error("verify_no_manifest", file=str(manifest_path)), manifest_path)]
    findings = _signature(site, manifest_data, public_key)
    try:
        manifest: dict[str, Any] = json.loads(manifest_data)
        listed: dict[str, str] = dict(manifest["files"])
        signed_lines, signed_head = int(manifest["log"]["lines"]), str(manifest["log"]["head"])
    except (ValueError, KeyError, TypeError):
        return [*findings, _in(error("verify_manifest_unreadable", file=str(manifest_path)), manifest_path)]
    findings += _files(site, listed)
    findings += _log(site, signed_lines, signed_head, earlier)
    return findings


def _signature(site: Path, manifest: bytes, public_key: str | None) -> list[Finding]:
    key_path = site / PUBLIC_KEY_FILE
    try:
        carried = key_path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        carried = ""
    findings = []
    if public_key is not None and carried and public_key.strip() != carried:
        findings.append(_in(error("verify_key_differs"), key_path))
    key = read_public(public_key if public_key is not None else carried)
    if key is None:
        return [*findings, _in(error("verify_no_key", file=str(key_path)), key_path)]
    signature_path = site / SIGNATURE_FILE
    try:
        signature = signature_path.read_bytes()
    except OSError:
        signature = b""
    if not signature_valid(key, manifest, signature):
        findings.append(_in(error("verify_bad_signature", file=str(site / MANIFEST_FILE)),
                            site / MANIFEST_FILE))
    return findings


def _files(site: Path, listed: dict[str, str]) -> list[Finding]:
    findings = []
    present = site_files(site)
    for name, digest in sorted(listed.items()):
        path = site / name
        if name not in present:
            findings.append(_in(error("verify_file_missing", file=str(path)), path))
        elif sha256_of(present[name].read_bytes()) != digest:
            findings.append(_in(error("verify_file_changed", file=str(path)), path))
    for name in sorted(present.keys() - listed.keys()):
        findings.append(_in(error("verify_file_unlisted", file=str(site / name)), site / name))
    return findings


def _log(site: Path, signed_lines: int, signed_head: str, earlier: Path | None) -> list[Finding]:
    path = site / LOG_FILE
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    log, findings = parse_log(data, path)
    if not findings:
        if len(log.entries) < signed_lines:
            findings.append(_in(error("verify_log_shorter", file=str(path), lines=len(log.entries),
                                      signed=signed_lines), path))
        elif (log.entries[signed_lines - 1].sha256 if signed_lines else GENESIS) != signed_head \
                or len(log.entries) != signed_lines:
            findings.append(_in(error("verify_log_head", file=str(path)), path))
    for entry in log.entries:
        if entry.action != PUBLISHED:
            continue
        for name, key in (("poster.pdf", "pdf_sha256"), (RECORD_FILE, "record_sha256")):
            file = site / entry.item / entry.code / name
            try:
                matches = sha256_of(file.read_bytes()) == entry.fields.get(key)
            except OSError:
                matches = False
            if not matches:
                findings.append(_in(error("verify_version_mismatch", file=str(file),
                                          line=entry.seq), file))
    if earlier is not None:
        before, _ = read_log(earlier)
        line = grew_from(before, log)
        if line is not None:
            findings.append(_in(error("verify_not_grown", file=str(path), line=line,
                                      earlier=str(earlier)), path))
    return findings


def _in(finding: Finding, file: Path) -> Finding:
    return replace(finding, file=file)
