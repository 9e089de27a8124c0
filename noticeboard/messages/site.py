"""The online board: building a site, its key, and checking a site (noticeboard/site/)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- building ---
    "site_no_address": (
        "township.yaml 没有填写「公开网站」（site）：海报上的二维码不会通向本站的事项网页，也不印核验码；"
        "网站放到网上后请填写它的网址，再运行一次",
        "township.yaml gives no site address (site): the posters' QR codes will not lead to "
        "the item pages and carry no check code; give the address once the site is online "
        "and run again",
    ),
    "site_no_township": (
        "「{folder}」里没有 township.yaml 或任何村的公开事项：网站按乡镇生成，请给出乡镇文件夹",
        "`{folder}` holds no township.yaml or no village's items: a site is built for a township "
        "folder",
    ),
    "site_inside_township": (
        "网站文件夹「{site}」与乡镇文件夹「{township}」重叠：网站要另放一处（它会被整个复制、上传）",
        "the site folder `{site}` overlaps the township folder `{township}`: put it elsewhere "
        "(it is copied and uploaded whole)",
    ),
    "site_posters_overlap": (
        "网站文件夹「{site}」与海报文件夹「{posters}」重叠：请分开存放",
        "the site folder `{site}` overlaps the posters folder `{posters}`: keep them apart",
    ),
    "site_not_folder": ("「{site}」是一个文件，不是文件夹", "`{site}` is a file, not a folder"),
    "site_folder_foreign": (
        "「{site}」不是空文件夹，也不是 noticeboard 生成的网站（没有发布记录）：为免覆盖其中的文件，"
        "请换一个新文件夹",
        "`{site}` is neither empty nor a site noticeboard made (no log.jsonl): choose a new folder "
        "so nothing in it is overwritten",
    ),
    "site_privacy_guard": (
        "网站文件 {page} 中将出现{what}（{masked}）：逐项检查没有发现它，为免泄露，没有发布。"
        "请检查该事项及村、乡镇设置",
        "the site file {page} would hold {what} ({masked}), which the item checks did not catch; "
        "it was not published. Check the item and the village and township settings",
    ),
    # --- the key ---
    "site_key_exists": (
        "密钥文件「{key}」已经存在，没有覆盖：覆盖后，旧网站的签名就无法再用它核对",
        "the key file `{key}` exists and was not replaced: sites signed with it could no longer "
        "be checked",
    ),
    "site_key_unwritable": (
        "无法写入密钥文件「{key}」：{reason}",
        "cannot write the key file `{key}`: {reason}",
    ),
    "site_key_unreadable": (
        "无法读取签名密钥「{key}」：{reason}（新建密钥的方法见 noticeboard site --help）",
        "cannot read the signing key `{key}`: {reason} (how to make one: noticeboard site --help)",
    ),
    "site_key_invalid": (
        "「{key}」不是 noticeboard 的签名密钥文件（应为两行，第二行是密钥）",
        "`{key}` is not a noticeboard signing key file (two lines, the key on the second)",
    ),
    "site_key_in_site": (
        "签名私钥「{key}」在网站文件夹「{folder}」里：它会被一起发布。请放到网站和乡镇文件夹以外",
        "the private key `{key}` is inside the site folder `{folder}` and would be published; "
        "keep it outside the site and the township folder",
    ),
    "site_key_in_township": (
        "签名私钥「{key}」在乡镇文件夹「{folder}」里：它会随乡镇文件夹被复制。请放到网站和乡镇文件夹以外",
        "the private key `{key}` is inside the township folder `{folder}`, which is copied around; "
        "keep it outside the site and the township folder",
    ),
    # --- the log ---
    "site_log_unreadable": (
        "发布记录第 {line} 行无法读取：记录被改动过",
        "line {line} of the log cannot be read: it was changed"),
    "site_log_broken": (
        "发布记录在第 {line} 行断开：这一行或它前面的一行被删除、插入或改动过",
        "the log's chain breaks at line {line}: this line or the one before was removed, "
        "inserted or changed",
    ),
    "site_log_respelt": (
        "发布记录第 {line} 行被重写过（内容相同，写法不同，不是签名时的那一行）",
        "line {line} of the log was rewritten (same fields, other spelling: not the line signed)",
    ),
    # --- verifying ---
    "verify_no_manifest": (
        "没有文件清单 {file}：这不是 noticeboard 生成的网站，或清单被删除了",
        "no manifest {file}: this is not a site noticeboard made, or its manifest was removed",
    ),
    "verify_manifest_unreadable": (
        "文件清单 {file} 无法读取：它被改动过",
        "the manifest {file} cannot be read: it was changed",
    ),
    "verify_bad_signature": (
        "文件清单 {file} 的签名不对：清单或签名被改动过，或不是用本镇的密钥签的",
        "the manifest {file} does not match its signature: the manifest or the signature was "
        "changed, or it was signed with another key",
    ),
    "verify_key_differs": (
        "网站所带的公钥与给定的本镇公钥不同：网站可能被人用别的密钥重新签名",
        "the site's public key differs from the township's key given: the site may have been "
        "re-signed with another key",
    ),
    "verify_no_key": (
        "没有可用的公钥（{file} 缺失或无法读取）",
        "no usable public key ({file} missing or unreadable)",
    ),
    "verify_file_changed": (
        "文件 {file} 与签名清单中的校验值不符：它被改动过",
        "the file {file} does not match its hash in the signed manifest: it was changed",
    ),
    "verify_file_missing": (
        "签名清单中的文件 {file} 不见了",
        "the file {file} in the signed manifest is missing",
    ),
    "verify_file_unlisted": (
        "文件 {file} 不在签名清单中：它是后来加进去的",
        "the file {file} is not in the signed manifest: it was added afterwards",
    ),
    "verify_log_shorter": (
        "发布记录 {file} 只有 {lines} 条，签名清单记着 {signed} 条：有记录被删除了",
        "the log {file} has {lines} entries, the signed manifest says {signed}: entries were removed",
    ),
    "verify_log_head": (
        "发布记录 {file} 的最后一条与签名清单记的不同：记录被改动过",
        "the last entry of the log {file} is not the one the signed manifest names: it was changed",
    ),
    "verify_not_grown": (
        "发布记录 {file} 从第 {line} 条起与较早的网站 {earlier} 不同：记录只能增加，不能删改",
        "the log {file} differs from the earlier site {earlier} from entry {line} on: a log may "
        "only grow",
    ),
    "verify_version_mismatch": (
        "{file} 与发布记录第 {line} 条记的校验值不符",
        "{file} does not match the hash that entry {line} of the log records",
    ),
    # --- the command ---
    "cli_site_key_made": (
        "已新建本镇网站签名私钥 {key}。请备份这个文件，只放在本机和备份处，不要放进网站或乡镇文件夹。"
        "公钥（可公开，请在乡镇公告中一并公布）：{public}",
        "made the township's site signing key {key}. Back it up and keep it out of the site and "
        "the township folder. Public key (publish it, e.g. in a township notice): {public}",
    ),
    "cli_site_summary": (
        "网站 {site}：新发布 {published} 个版本，撤回 {withdrawn} 项；写入 {written} 个文件，"
        "{unchanged} 个未变；文件清单共 {files} 个文件，已签名",
        "site {site}: {published} new versions published, {withdrawn} withdrawn; {written} files "
        "written, {unchanged} unchanged; the manifest lists {files} files, signed",
    ),
    "cli_site_published": ("已发布 {item}（核验码 {version}）", "published {item} (check code {version})"),
    "cli_site_withdrawn": ("已撤回 {item}（事项文件已不在乡镇文件夹中）",
                           "withdrew {item} (its item file is no longer in the township folder)"),
    "cli_site_verified": (
        "网站 {site} 核对无误：{files} 个文件与签名清单一致，签名有效，发布记录 {lines} 条、只增未减",
        "site {site} verified: {files} files match the signed manifest, the signature is valid, "
        "the log has {lines} entries and only grew",
    ),
    "cli_site_verify_failed": ("网站 {site} 核对发现 {count} 处问题", "site {site}: {count} problems found"),
    "cli_site_own_key": (
        "（用的是网站自带的公钥：只能说明网站完整；要确认是本镇所签，"
        "请另外给出本镇公布的公钥，见 noticeboard site --help）",
        "(checked with the key the site carries: this shows the site is whole; to know the "
        "township signed it, give the township's published key with --public-key)",
    ),
}
