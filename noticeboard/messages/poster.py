"""Making the poster: templates, stylesheets, the engine, the last guard."""

MESSAGES: dict[str, tuple[str, str]] = {
    # rendering
    "too_wide": (
        "内容太宽，即使缩小也会超出纸张右边（可能是一串没有空格的长文字或数字），请缩短或加空格",
        "content is too wide for the sheet even when shrunk (a long unbroken string?); shorten it",
    ),
    # --- issue 25: the poster says what the item says ---
    "poster_differs": (
        "海报与事项内容不符，这张海报没有生成：{difference}。用到的是{source}，"
        "它们改变、隐藏或添加了事项里的数字或文字；请改正或删除它们，海报必须印出事项的全部内容",
        "the poster does not say what the item says and was not written: {difference}. "
        "It was made with {source}, which change, hide or add figures or text; "
        "fix or remove them: a poster prints the whole item and nothing else",
    ),
    "template_error": (
        "模板出错（{template}）：{reason}。如果是本镇自己的模板，请检查或删除它",
        "template error ({template}): {reason}; check the township's own template",
    ),
    # --- engine (issues 10 and 11): what templates and stylesheets may reach ---
    "template_outside": (
        "模板「{template}」实际指向本镇文件夹以外的「{target}」（快捷方式或符号链接），已拒绝读取；"
        "请把文件本身复制进本镇的 templates 文件夹",
        "template `{template}` leads outside the township (to `{target}`, through a symlink); "
        "refused. Copy the file itself into the township's templates folder",
    ),
    "resource_refused": (
        "模板或样式表要读取「{url}」，它不在本镇 templates 文件夹里，也不是本工具自带的文件，已拒绝；"
        "海报不从网络或其他文件夹取任何东西，图片请放进 templates 文件夹，字体请按名称使用已安装的字体",
        "a template or stylesheet asks for `{url}`, which is neither in the township's templates "
        "folder nor one of the tool's own files; refused. Posters take nothing from the network or "
        "other folders: put images in the templates folder, name installed fonts by family",
    ),
    "stylesheet_ignored": (
        "本镇样式表这一行有排版引擎不认识的写法，会被忽略：「{snippet}」；请改正或删除它",
        "the township's stylesheet has something the layout engine does not understand and "
        "would ignore: `{snippet}`; correct or delete it",
    ),
}
