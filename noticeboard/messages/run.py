"""A run over many items: the output folder, the lock, state, the report."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- output (the output folder, the batch and the CLI) ---
    "output_not_folder": (
        "输出文件夹 {folder} 是一个文件，不是文件夹；请另选一个输出文件夹",
        "the output folder {folder} is a file, not a folder; choose another with -o",
    ),
    "output_is_input": (
        "输出文件夹 {folder} 会把海报写进公开事项所在的文件夹 {input}，与事项文件混在一起，"
        "还可能替换那里同名的 PDF；请另选一个输出文件夹",
        "the output folder {folder} would put posters into {input}, where the items are, "
        "and could replace a PDF of the same name there; choose another with -o, e.g. out",
    ),
    "village_name_reserved": (
        "村文件夹名「{name}」与本工具在输出文件夹里自用的名称相同（「已失效」文件夹、报告、"
        "记录、锁、打印文件），海报会和它混在一起；请给这个文件夹改名",
        "the village folder name `{name}` is one the output folder uses for itself "
        "(已失效, report.json, 打印-….pdf…); its posters would be mixed up with it; rename the folder",
    ),
    "print_file_taken": (
        "没有生成打印文件 {file}：这个名字已是一张海报或另一个打印文件（事项或村与打印文件同名，"
        "如事项名「打印-全部」、村名与乡镇名相同）；请给事项或村文件夹改名",
        "print file {file} not written: the name is already a poster or another print file "
        "(an item or village named like a print file, e.g. an item `打印-全部`, or a village "
        "named like its township); rename the item or the village folder",
    ),
    "print_file_outdated": (
        "打印文件 {file} 里有本次更新、未能生成或已移走的海报，本次没有重新合并它；"
        "已移到 {folder} 文件夹，以免打印出旧海报",
        "the print file {file} holds posters rendered again, failed or moved aside in this "
        "run, and was not made again; moved to {folder} so that no outdated poster is printed",
    ),
    "output_lock_not_file": (
        "锁文件 {location} 不是普通文件（是符号链接、管道或设备），本工具不会打开它；请删除它后再运行",
        "the lock file {location} is not a regular file (a symlink, pipe or device); it is not "
        "opened; delete it and run again",
    ),
    "output_symlink": (
        "输出文件夹里的 {link} 是指向别处（{target}）的符号链接，海报会写到输出文件夹以外；"
        "请删除这个链接后再运行",
        "{link} in the output folder is a symlink to {target}: posters would be written "
        "outside the output folder; delete the link and run again",
    ),
    "output_in_templates": (
        "输出文件夹 {folder} 在乡镇的模板文件夹 {templates} 里：海报会混进模板，每次都要全部重新生成；"
        "请另选一个输出文件夹",
        "the output folder {folder} lies in the township's templates folder {templates}: "
        "posters would mix with the templates and all be made again each run; choose another",
    ),
    # A symlink must not lead out of the folder being processed (workspace.py).
    "render_failed": ("生成海报失败：{reason}", "rendering failed: {reason}"),
    # --- output (issue 12): the output folder, odd paths, values changed without a word ---
    "stale_moved_failed": (
        "这一项没有生成，原来的旧海报已移到 {folder} 文件夹，以免打印出与内容不符的旧海报：{files}",
        "not rendered: its old outputs were moved to {folder} so that no outdated poster "
        "is printed: {files}",
    ),
    "stale_moved_other": (
        "与本次海报内容不一致的旧文件已移到 {folder} 文件夹：{files}",
        "old outputs that no longer match this poster were moved to {folder}: {files}",
    ),
    "stale_moved_orphan": (
        "旧海报 {files} 在本次没有对应的事项（事项文件已删除或改名，或所在村的设置有错误），"
        "已移到 {folder} 文件夹，以免打印出过期的海报",
        "old outputs {files} have no item in this run (deleted, renamed, or the village's "
        "settings are broken); moved to {folder} so that no outdated poster is printed",
    ),
    "stale_not_moved": (
        "旧海报 {file} 与内容不符，但无法移走（{reason}），请勿打印，并手动删除",
        "the outdated {file} could not be moved aside ({reason}); do not print it, delete it",
    ),
    "state_damaged": (
        "记录文件 {file} 已损坏（被修改或不完整），本次全部重新生成",
        "the state file {file} is damaged (edited or truncated); everything is rendered again",
    ),
    "output_locked": (
        "另一个 noticeboard（进程 {pid}）正在向 {folder} 生成海报；请等它结束后再运行，"
        "或换一个输出文件夹",
        "another noticeboard (process {pid}) is rendering into {folder}; wait until it "
        "finishes, or use -o for another output folder",
    ),
    "path_not_regular": (
        "{location} 不是普通文件或文件夹（是设备、管道或套接字），无法读取公开事项",
        "{location} is not a regular file or folder (a device, pipe or socket); no items read",
    ),
    "path_folder_unreadable": (
        "没有权限读取文件夹 {location}",
        "no permission to read the folder {location}",
    ),
    "path_unreadable": ("无法读取 {location}：{reason}", "cannot read {location}: {reason}"),
    "write_failed": ("无法写入 {location}：{reason}", "cannot write {location}: {reason}"),
    # --- a cluster (issue 30): run/cluster.py ---
    "cluster_not_installed": (
        "要用集群生成，需要先安装集群组件（见 docs 文件夹里的说明）；不用集群时请去掉调度器地址",
        "rendering on a cluster needs Dask: pip install 'noticeboard[cluster]'; "
        "or leave out --scheduler",
    ),
    "cluster_unreachable": (
        "连不上集群调度器 {address}（{reason}）：请检查地址和网络，调度器是否已启动；什么也没有写",
        "cannot reach the cluster scheduler {address} ({reason}): check the address, the "
        "network and that the scheduler runs; nothing was written",
    ),
    "cluster_no_workers": (
        "集群调度器 {address} 上没有工作进程：请先在各台机器上启动工作进程；什么也没有写",
        "the cluster scheduler {address} has no workers: start dask workers first; "
        "nothing was written",
    ),
    "cluster_worker_differs": (
        "集群工作进程 {worker} 的环境和本机不同（{differences}），生成的海报会不一样，已拒绝；"
        "请在每台机器上装同一版本的本工具、排版引擎和字体；什么也没有写",
        "cluster worker {worker} differs from this computer ({differences}) and would make "
        "other posters; refused. Install the same versions of this tool, WeasyPrint and the "
        "fonts on every machine; nothing was written",
    ),
    # --- merging shards (issue 30): run/merge.py ---
    "merge_no_shards": (
        "{folder} 里没有分份生成的报告（{pattern} 这样的文件），没有可合并的；什么也没有写",
        "{folder} holds no shard reports (files like {pattern}): nothing to merge; "
        "nothing was written",
    ),
    "merge_mixed_splits": (
        "{folder} 里的分份报告来自不同的分法（分成 {counts} 份）：请只留同一次分份的报告；什么也没有写",
        "the shard reports in {folder} come from different splits (into {counts}): keep the "
        "reports of one split only; nothing was written",
    ),
    "merge_missing_shards": (
        "{folder} 里缺少分份报告 {missing}：请先生成或拷进这几份，再合并；什么也没有写",
        "{folder} lacks the shard reports {missing}: render or copy them in first; "
        "nothing was written",
    ),
    "merge_overlap": (
        "事项 {source} 同时出现在 {shards} 里：这些份有重叠，不是同一次分份；什么也没有写",
        "the item {source} is in {shards}: the shards overlap, they are not one split; "
        "nothing was written",
    ),
    "merge_unreadable": (
        "无法读取分份报告 {file}（{reason}）：文件可能不完整或被改过；什么也没有写",
        "cannot read the shard report {file} ({reason}): it may be incomplete or edited; "
        "nothing was written",
    ),
}
