"""The signed manifest: every published file with its SHA-256, signed with the township's key.

Ed25519 through PyNaCl (libsodium). The township's key is a file kept outside the
site and outside the township's folder (both are copied around); the site carries
only the public key, and the township also gives it out another way (a notice on
paper, the county's site), so a site re-signed with another key is told apart.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from noticeboard.errors import NoticeboardError, error, os_reason

MANIFEST_FILE = "manifest.json"
SIGNATURE_FILE = "manifest.sig"
PUBLIC_KEY_FILE = "public-key.txt"
UNLISTED = frozenset({MANIFEST_FILE, SIGNATURE_FILE})  # the manifest cannot list itself
KEY_HEADER = "noticeboard site key (Ed25519) — 本镇网站签名私钥，请妥善保管，勿放入网站或乡镇文件夹"
KEY_FILE_MODE = 0o600


@dataclass(frozen=True)
class Keys:
    signing: SigningKey

    @property
    def public_text(self) -> str:
        return public_text(self.signing.verify_key)


def public_text(key: VerifyKey) -> str:
    return base64.b64encode(bytes(key)).decode("ascii")


def read_public(text: str) -> VerifyKey | None:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return VerifyKey(raw) if len(raw) == 32 else None
    except ValueError:
        return None


def new_key(path: Path) -> Keys:
    """Make a key file that only its owner can read; an existing file is never replaced."""
    keys = Keys(SigningKey.generate())
    seed = base64.b64encode(bytes(keys.signing)).decode("ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, KEY_FILE_MODE)
    except FileExistsError:
        raise NoticeboardError([error("site_key_exists", key=str(path))]) from None
    except OSError as exc:
        raise NoticeboardError([error("site_key_unwritable", key=str(path),
                                      reason=os_reason(exc))]) from None
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(f"{KEY_HEADER}\n{seed}\n")
    return keys


def load_key(path: Path) -> Keys:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise NoticeboardError([error("site_key_unreadable", key=str(path),
                                      reason=os_reason(exc))]) from None
    try:
        seed = base64.b64decode(lines[1].strip(), validate=True)
        if len(seed) != 32:
            raise ValueError(len(seed))
    except (IndexError, ValueError):
        raise NoticeboardError([error("site_key_invalid", key=str(path))]) from None
    return Keys(SigningKey(seed))


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(township: str, files: dict[str, str], log_lines: int, log_head: str,
                   public_key: str) -> bytes:
    """The manifest in one spelling: sorted, indented for a person to read."""
    data: dict[str, Any] = {
        "format": "noticeboard-site-manifest-1",
        "township": township,
        "public_key": public_key,
        "log": {"lines": log_lines, "head": log_head},
        "files": dict(sorted(files.items())),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def sign(keys: Keys, manifest: bytes) -> bytes:
    signature = keys.signing.sign(manifest).signature
    return base64.b64encode(signature) + b"\n"


def signature_valid(key: VerifyKey, manifest: bytes, signature_file: bytes) -> bool:
    try:
        key.verify(manifest, base64.b64decode(signature_file.strip(), validate=True))
    except (BadSignatureError, ValueError):
        return False
    return True
