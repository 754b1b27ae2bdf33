#include "project/starter_config.h"

namespace tc {

std::string_view starter_config_text() {
  return R"(# transcheck.toml: what `transcheck check` checks in this project, and how.
# transcheck finds this file by looking in the current directory and then in
# each parent; `--config FILE` names another. Command-line flags override it.
# Paths and globs are relative to this file. Globs: * and ? stay within one
# directory, ** spans directories, [abc] is one of the characters.

# The language of the source files and of their translations: zh, zh-Hans,
# zh-Hant or en (tags such as zh-CN and en-US work too).
source-lang = "zh"
target-lang = "en"

# Terminology glossaries (TSV, CSV, TBX or JSON); a later file wins.
#glossaries = ["glossaries/product.zh-en.tsv"]

# Files never checked. A glob naming a directory leaves out all of it.
#exclude = ["node_modules", "**/drafts/**"]

# Documents checked on their own, without a translation.
#files = ["blog/**/*.md"]

# Which file translates which. A source file and a target file pair when
# their wildcards matched the same text, in order. A source file without its
# translation is reported (structure/missing-translation, a warning); a
# translation without a source is listed as info.
# Without any [[pairs]], the default conventions apply: name.zh.md beside
# name.en.md, and parallel zh/ and en/ directories (also zh-CN, zh-cn,
# zh-Hans, en-US), for .md, .markdown and .txt files.
#[[pairs]]
#source = "content/zh-cn/**/*.md"
#target = "content/en/**/*.md"
#
#[[pairs]]
#source = "components/**/index.zh-CN.md"
#target = "components/**/index.en-US.md"
#
#[[pairs]]
#source = "i18n/zh-Hans/docusaurus-plugin-content-docs/current/**/*.md"
#target = "docs/**/*.md"
#source-lang = "zh-Hans"
#target-lang = "en"

# Rules, by the names `transcheck rules` lists; a family ("typography") or
# "all" works too. The same settings as --enable, --disable, --severity and
# --set on the command line.
[rules]
#enable = ["terminology"]
#disable = ["typography/heading-case"]
#severity = { "terminology/missing-term" = "warning" }
#options = { "script/han-in-english.allow-parenthesized" = true }

# Other settings for some files only, applied after [rules].
#[[overrides]]
#paths = ["content/zh-cn/legal/**"]
#disable = ["alignment/length-ratio"]
#severity = { "typography/repeated-word" = "info" }
)";
}

}  // namespace tc
