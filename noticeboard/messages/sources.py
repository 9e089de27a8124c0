"""Reading the township's files: text and YAML, settings files, folders, archived posters."""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading the file
    "file_too_large": (
        "文件过大（{size} 字节，上限 {limit} 字节），不像是一份公开事项，已拒绝读取",
        "file too large ({size} bytes, limit {limit}); refused",
    ),
    "file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "file_not_text": (
        "这不是文本文件（含有控制字符），请用记事本或 WPS 另存为 UTF-8 文本",
        "not a text file (control characters found); save it as UTF-8 text",
    ),
    "file_bad_encoding": (
        "无法识别文件编码（不是 UTF-8，也不是 GBK/GB18030），请另存为 UTF-8",
        "unknown text encoding (neither UTF-8 nor GBK/GB18030); save it as UTF-8",
    ),
    "encoding_gb18030": (
        "文件按 GBK/GB18030 编码读取；建议另存为 UTF-8，以免在其他电脑上乱码",
        "read as GBK/GB18030; saving it as UTF-8 is recommended",
    ),
    "file_empty": ("文件是空的（或只有注释）", "the file is empty (or only comments)"),
    # YAML syntax
    "yaml_syntax": ("YAML 格式错误：{problem}", "YAML syntax error: {problem}"),
    "yaml_tab": (
        "这一行用了 Tab 键缩进，YAML 只允许空格缩进，请把 Tab 换成空格",
        "a tab is used for indentation; YAML allows only spaces",
    ),
    "yaml_multiple_documents": (
        "一个文件只能写一项公开内容（文件里出现了多个 ---）",
        "one item per file: the file holds several YAML documents (---)",
    ),
    "yaml_colon_in_value": (
        "这里不能出现冒号；如果内容里有「: 」，请给整段内容加上引号",
        "a colon is not allowed here; quote a value that contains ': '",
    ),
    "yaml_missing_colon": (
        "缺少冒号：每一项应写成「键: 值」",
        "missing colon: each entry must be `key: value`",
    ),
    "yaml_unclosed_bracket": (
        "方括号 [ ] 没有配对：列表少了「]」，或者内容里的逗号、冒号需要加引号",
        "unclosed [ ]: a list is missing its ], or text with commas needs quotes",
    ),
    "yaml_unclosed_brace": (
        "花括号 {{ }} 没有配对：少了「}}」，或者内容里的逗号、冒号需要加引号",
        "unclosed {{ }}: a mapping is missing its }}, or text with commas needs quotes",
    ),
    "yaml_unexpected_end": (
        "文件意外结束：引号或括号没有配对",
        "unexpected end of file: a quote or bracket is not closed",
    ),
    "yaml_bad_indent": (
        "缩进不对齐：同一层的各项应左对齐，用空格缩进",
        "inconsistent indentation: items at one level must line up, indented with spaces",
    ),
    "yaml_alias": (
        "不支持 YAML 锚点和别名（& 和 *），请把内容直接写出来",
        "YAML anchors and aliases (& and *) are not supported; write the content out",
    ),
    "yaml_too_deep": (
        "嵌套层次过深（超过 {limit} 层）",
        "nested too deeply (more than {limit} levels)",
    ),
    "yaml_complex_key": ("键必须是简单的文字", "keys must be plain text"),
    "yaml_duplicate_key": (
        "「{key}」写了两次（第 {first} 行和第 {second} 行），请删掉一处",
        "key `{key}` appears twice (lines {first} and {second}); remove one",
    ),
    # --- output (the output folder, the batch and the CLI) ---
    "village_collision": (
        "村文件夹 {folders} 的海报会写进同一个输出文件夹 {output}，互相混在一起，打印文件也会混入"
        "别村的海报（只差大小写、末尾的空格或点号，在多数电脑上也算同一个名字）；请给其中的文件夹改名",
        "the village folders {folders} would share the output folder {output}: their posters "
        "and print files would mix (case, trailing spaces and dots do not count on most "
        "computers); rename all but one",
    ),
    # --- engine (issues 10 and 11): what templates and stylesheets may reach ---
    "pdf_no_source": (
        "这个 PDF 里没有附带公开事项的源数据（不是用 noticeboard 生成的海报？）",
        "this PDF carries no item source (not a poster made by noticeboard?)",
    ),
    # An archived poster is untrusted input: each way it can be wrong has its own message.
    "pdf_cannot_open": ("无法读取这个 PDF：文件打不开", "cannot read this PDF: the file cannot be opened"),
    "pdf_not_pdf": ("无法读取这个 PDF：它不是 PDF 文件", "cannot read this PDF: it is not a PDF file"),
    "pdf_too_large": (
        "无法读取这个 PDF：文件超过 {limit} 兆字节，不像是一张海报",
        "cannot read this PDF: it is over {limit} MB, too large for a poster",
    ),
    "pdf_damaged": (
        "无法读取这个 PDF：文件已损坏、被截断或被改动过，请找原来的海报文件",
        "cannot read this PDF: it is damaged, truncated or altered; use the original poster file",
    ),
    "pdf_encrypted": (
        "无法读取这个 PDF：文件已加密，本工具生成的海报不会加密",
        "cannot read this PDF: it is encrypted, which posters made by this tool never are",
    ),
    "pdf_too_many_pages": (
        "无法读取这个 PDF：有 {count} 页，超过上限 {limit} 页",
        "cannot read this PDF: {count} pages, more than the limit of {limit}",
    ),
    "pdf_too_many_objects": (
        "无法读取这个 PDF：有 {count} 个对象，超过上限 {limit} 个",
        "cannot read this PDF: {count} objects, more than the limit of {limit}",
    ),
    "pdf_too_many_attachments": (
        "无法读取这个 PDF：附带了 {count} 个文件，超过上限 {limit} 个",
        "cannot read this PDF: {count} attached files, more than the limit of {limit}",
    ),
    "pdf_attachment_too_large": (
        "附带的文件「{name}」解压后超过 {limit} 兆字节，已拒绝，没有解压",
        "the attached file \"{name}\" is over {limit} MB when decompressed; refused, not unpacked",
    ),
    "pdf_attachment_name": (
        "附带的文件名「{name}」指向别的文件夹（绝对路径或含 ..），已拒绝，没有写入任何文件",
        "the attached file name \"{name}\" points to another folder (absolute or with ..); "
        "refused, nothing written",
    ),
    "pdf_attachment_twice": (
        "附带了两个同名文件「{name}」，无法判断用哪一个",
        "two attached files are both named \"{name}\"; cannot tell which to use",
    ),
    "pdf_several_items": (
        "附带了多个公开事项文件（{names}），本工具生成的海报只带一个",
        "several item files are attached ({names}); posters made by this tool carry one",
    ),
    # A symlink must not lead out of the folder being processed (workspace.py).
    "outside_folder": (
        "指向本文件夹以外（{target}），已拒绝：不会读取，也不会印在海报上",
        "leads outside the folder being processed (to {target}); refused: not read, not printed",
    ),
    # --- output (issue 12): the output folder, odd paths, values changed without a word ---
    "output_collision": (
        "输出文件重名：{files} 都会生成 {output}，只能留下一张海报；请给其中的文件改名"
        "（只差大小写、末尾的空格或点号，在多数电脑上也算同一个名字）",
        "outputs collide: {files} would all be written as {output}, and only one poster "
        "would be kept; rename all but one (case, trailing spaces and dots do not count on Windows)",
    ),
    "output_collision_images": (
        "输出图片重名：{files} 生成的图片会互相覆盖（多页海报第 N 页的图片名是「名称-N」）；"
        "请给其中的文件改名",
        "output images collide: {files} would overwrite each other's images (page N of a "
        "poster is `name-N.png`); rename one of them",
    ),
    "file_not_regular": (
        "这不是普通文件（是设备、管道或套接字），无法读取",
        "not a regular file (a device, pipe or socket); not read",
    ),
    "file_mixed_encoding": (
        "第 {lines} 行不是 UTF-8 编码（可能是从 GBK 文件复制过来的），其余各行是 UTF-8；"
        "请在这几行重新输入文字，或把整个文件另存为 UTF-8",
        "line(s) {lines} are not UTF-8 (pasted from a GBK file?) while the rest is; "
        "retype them, or save the whole file as UTF-8",
    ),
    "value_blank": (
        "这里只有空格，没有内容；请填写，或删除这一项",
        "only spaces here, no content; fill it in or remove it",
    ),
    "text_control": (
        "这里有看不见的控制字符（U+{codepoint}），打印时会丢失或出错；请删除它"
        "（常见于从网页或其他软件复制的文字）",
        "an invisible control character (U+{codepoint}) would be lost or garble "
        "the print; remove it",
    ),
    "text_bidi": (
        "这里有改变文字显示方向的隐藏字符（U+{codepoint}），海报上显示的文字顺序会与实际内容不同"
        "（姓名可能被显示成另一个人的名字）；请删除它",
        "a hidden direction control (U+{codepoint}) would make the poster show the "
        "text in another order than the data; remove it",
    ),
    "text_invisible": (
        "这里有看不见的隐藏字符（U+{codepoint}），会让两个看起来相同的名字实际不同；请删除它",
        "an invisible character (U+{codepoint}) makes text that looks the same "
        "differ; remove it",
    ),
    "path_not_found": ("找不到 {location}", "{location} does not exist"),
    "no_items": (
        "{location} 中没有找到公开事项文件（*.yaml）",
        "no item files (*.yaml) found in {location}",
    ),
    # --- nothing skipped without a word (issue 25): every YAML-looking file is an item,
    # a setting, or named here ---
    "skipped_in_township": (
        "这个文件直接放在乡镇文件夹里，不属于任何一个村，没有检查也不会生成海报；"
        "请把它移到所属村的文件夹里",
        "this file lies directly in the township folder and belongs to no village: it is "
        "neither checked nor rendered; move it into its village's folder",
    ),
    "skipped_in_subfolder": (
        "这个文件在村文件夹 {village} 的子文件夹里，没有检查也不会生成海报；"
        "公开事项要直接放在村文件夹里",
        "this file lies in a subfolder of the village folder {village}: it is neither checked "
        "nor rendered; items must lie directly in the village folder",
    ),
    "skipped_suffix": (
        "文件名以「{suffix}」结尾，不是 .yaml，没有当作公开事项（电脑可能隐藏了扩展名）；"
        "如果它是公开事项，请改名为「{name}」",
        "the file name ends in `{suffix}`, not .yaml, so it is not read as an item (Windows "
        "may hide extensions); if it is an item, rename it `{name}`",
    ),
    "skipped_draft": (
        "文件名以「_」开头，按草稿处理，没有检查也不会生成海报；要公开时请去掉开头的「_」",
        "the file name starts with `_`, so it is a draft: neither checked nor rendered; "
        "remove the leading `_` to publish it",
    ),
    "skipped_many": (
        "{folder} 里还有 {count} 个这样的文件没有逐个列出",
        "{count} more such files in {folder} are not listed one by one",
    ),
    # --- issue 25: where YAML and an editor read the same text differently ---
    "text_line_separator": (
        "这一行有一个看不见的分行符（U+{codepoint}）：YAML 把它当作换行，编辑器里却看不出来，"
        "它后面的内容和行号都会和编辑器里看到的不一样；请删除它，需要换行时直接按回车",
        "this line holds a Unicode line break (U+{codepoint}) that YAML reads as a new line "
        "while editors do not show one; remove it and press Enter where a new line is meant",
    ),
    "text_blank_letter": (
        "这里有一个看不见的字符（U+{codepoint}）：它算作文字，却印出来是空白，"
        "一个由它组成的名字会印成空格子；请删除它",
        "this value holds an invisible letter (U+{codepoint}) that prints as a blank; "
        "remove it",
    ),
    "text_compat_ideograph": (
        "这里有一个兼容区汉字（U+{codepoint}）：它和常用汉字看起来一模一样，"
        "查找、比对时却是另一个字；请删除后用输入法重新输入这个字",
        "this value holds a CJK compatibility ideograph (U+{codepoint}) that looks like a "
        "common character but is another one; delete it and type the character again",
    ),
    "value_cut_by_hash": (
        "这一行的值在「 #」处被截断了：YAML 把「{cut}」当作注释，海报上只印「{kept}」；"
        "如果 # 是内容的一部分，请给整个值加上引号",
        "this line's value ends at ` #`: YAML reads `{cut}` as a comment and the poster prints "
        "only `{kept}`; quote the whole value if the # belongs to it",
    ),
    # a Chinese keyboard's slips (sources/typing_slips.py)
    "yaml_fullwidth_colon": (
        "第 {column} 个字处是中文冒号「：」；键名后面要用英文冒号加一个空格，请改成：{fixed}",
        "column {column}: a full-width colon; a key is followed by an ASCII colon and a space: {fixed}",
    ),
    "yaml_no_space_after_colon": (
        "第 {column} 个字处的冒号后面少了一个空格；请改成：{fixed}",
        "column {column}: the colon needs a space after it: {fixed}",
    ),
    "yaml_ideographic_space": (
        "第 {column} 个字处是全角空格（中文输入法打出的空格），冒号后面要用英文空格；请改成：{fixed}",
        "column {column}: an ideographic (full-width) space; after a colon use an ASCII space: {fixed}",
    ),
    "yaml_ideographic_indent": (
        "第 {column} 个字处是全角空格：行首缩进只能用英文空格（半角），"
        "请删掉全角空格，改用英文空格和上一层对齐",
        "column {column}: an ideographic (full-width) space used to indent; indent with ASCII spaces only",
    ),
    "yaml_fullwidth_comma": (
        "第 {column} 个字处是中文逗号「，」，方括号（花括号）里的各项要用英文逗号分开，"
        "否则会读成一项；请改成：{fixed}",
        "column {column}: a full-width comma; items in brackets are separated by ASCII commas, "
        "else they read as one: {fixed}",
    ),
    "yaml_quote_mismatch": (
        "第 {column} 个字处是中文引号，而这段内容是用英文引号「{quote}」开头的，"
        "引号没有配对；请改成：{fixed}",
        "column {column}: a Chinese quotation mark closes text opened with an ASCII {quote}: {fixed}",
    ),
    "yaml_tab_at": (
        "第 {column} 个字处是 Tab 键（跳格），YAML 只允许用空格缩进，请把它换成空格",
        "column {column}: a tab; YAML indents with spaces only",
    ),
    "name_undecodable": (
        "文件名「{name}」里有这台电脑的编码（{encoding}）读不出的字节，多半是在另一台电脑上起的名字"
        "（如从 Windows 拷来的压缩包、U 盘）{guess}；请把文件或文件夹改个名字再检查",
        "the name `{name}` holds bytes this machine's encoding ({encoding}) cannot read, most "
        "likely named on another computer{guess}; rename the file or folder and check again",
    ),
}
