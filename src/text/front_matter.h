#pragma once
// Front matter: the metadata block static-site generators (Hugo, Jekyll,
// Docusaurus, Hexo) read from the very start of a Markdown page. Its keys,
// tags and slugs are not prose and must never be checked as text.
#include <optional>
#include <string_view>

#include "core/document.h"

namespace tc {

enum class FrontMatterSyntax { yaml, toml };

struct FrontMatter {
  FrontMatterSyntax syntax = FrontMatterSyntax::yaml;
  Span span;     // from offset 0 through the closing fence and its line break
  Span content;  // the lines between the fences
};

// The front matter at the start of text, if any:
// - YAML: a first line `---`, closed by a line `---` or `...`;
// - TOML: a first line `+++`, closed by a line `+++`.
// Fence lines may end in spaces or tabs; LF, CRLF and CR line breaks work.
// text starts after any BOM. A block that is not closed, or whose first
// non-blank, non-comment line is not a `key:` (YAML) or `key =` / `[table]`
// (TOML) line, is not front matter: a page may open with a thematic break
// (`---`) and later have another one, and its prose must stay checked.
std::optional<FrontMatter> find_front_matter(std::string_view text);

}  // namespace tc
