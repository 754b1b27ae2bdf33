#pragma once
// Path globs for project files: `*`, `?`, `[...]` and `**`, matched against
// paths relative to the project root with `/` separators. Every wildcard
// captures what it matched, so two globs can be compared by their captures:
// that is how a source file finds its translation (see pairing.h).
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tc {

// A pattern that does not compile; column is 1-based, in code points.
class GlobError : public std::invalid_argument {
 public:
  GlobError(const std::string& reason, std::size_t column)
      : std::invalid_argument(reason), column_(column) {}
  std::size_t column() const { return column_; }

 private:
  std::size_t column_;
};

struct GlobToken {
  enum class Kind {
    literal,    // text as written
    star,       // `*`: any run of characters within one path segment
    question,   // `?`: one character, not `/`
    char_class, // `[abc]`, `[a-z]`, `[!a]`: one character, not `/`
    any_dirs,   // `**/`: zero or more whole directories; captures them without the last `/`
    any_rest,   // a trailing `**`: everything below, at least one character
  };
  Kind kind = Kind::literal;
  std::string literal;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // char_class, inclusive
  bool negated = false;                               // char_class
};

// Syntax, in brief:
// - `*` and `?` never cross a `/`; `[...]` is one character (`!` or `^` negates);
// - `**` as a whole segment crosses directories (`docs/**/*.md` matches
//   docs/a.md and docs/x/y/a.md; `content/en/**` matches everything below);
//   elsewhere `**` is `*`;
// - `\` makes the next character literal; a leading `/` or `./` is dropped.
// Matching is case-sensitive, byte for byte outside the wildcards.
class Glob {
 public:
  // Throws GlobError for an unclosed `[`, an empty class or a trailing `\`.
  explicit Glob(std::string_view pattern);

  const std::string& pattern() const { return pattern_; }
  // How many values match() captures: one per `*`, `?`, `[...]` and `**`.
  std::size_t wildcard_count() const { return wildcards_; }

  // The captures in pattern order when the whole path matches, else nullopt.
  // When a path can match in several ways, each wildcard takes the shortest
  // text that still lets the rest match, left to right.
  std::optional<std::vector<std::string_view>> match(std::string_view path) const;
  bool matches(std::string_view path) const { return match(path).has_value(); }

  // The path this glob matches with these captures (one per wildcard, as
  // match() gives them): how a source file names the translation it expects.
  std::string expand(const std::vector<std::string_view>& captures) const;

  // True when every path below directory dir matches (the glob ends in `**`
  // and the part before it matches "dir/"): a walk need not enter dir.
  bool covers_directory(std::string_view dir) const;

 private:
  bool match_from(std::string_view path, std::size_t token, std::size_t pos, std::size_t token_end,
                  std::vector<std::string_view>& captures, std::vector<char>& failed) const;

  std::string pattern_;
  std::vector<GlobToken> tokens_;
  std::size_t wildcards_ = 0;
};

// True when path, or one of the directories it lies in, matches one of globs
// (a glob naming a directory excludes everything in it, as in .gitignore).
bool matches_path_or_parent(std::string_view path, const std::vector<Glob>& globs);

}  // namespace tc
