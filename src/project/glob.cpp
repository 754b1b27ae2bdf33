#include "project/glob.h"

#include "core/utf8.h"

namespace tc {
namespace {

using Kind = GlobToken::Kind;

bool is_wildcard(Kind kind) { return kind != Kind::literal; }

// Parses `[...]` starting at text[pos] == '['; returns the position after `]`.
std::size_t parse_class(std::string_view text, std::size_t pos, std::size_t column, GlobToken& token) {
  token.kind = Kind::char_class;
  std::size_t i = pos + 1;
  if (i < text.size() && (text[i] == '!' || text[i] == '^')) {
    token.negated = true;
    ++i;
  }
  bool first = true;
  while (i < text.size()) {
    if (text[i] == ']' && !first) {
      if (token.ranges.empty()) throw GlobError("empty character class", column);
      return i + 1;
    }
    first = false;
    if (text[i] == '\\') {
      ++i;
      if (i == text.size()) break;
    }
    const char32_t low = utf8::next(text, i);
    char32_t high = low;
    if (i + 1 < text.size() && text[i] == '-' && text[i + 1] != ']') {
      ++i;
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      high = utf8::next(text, i);
      if (high < low) throw GlobError("character range out of order", column);
    }
    token.ranges.emplace_back(low, high);
  }
  throw GlobError("unclosed '['", column);
}

bool class_contains(const GlobToken& token, char32_t cp) {
  bool inside = false;
  for (const auto& [low, high] : token.ranges)
    if (cp >= low && cp <= high) inside = true;
  return inside != token.negated;
}

}  // namespace

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  while (pattern.starts_with('/')) pattern.remove_prefix(1);
  std::string literal;
  const auto flush = [&] {
    if (literal.empty()) return;
    tokens_.push_back({Kind::literal, std::move(literal), {}, false});
    literal.clear();
  };
  const auto push = [&](GlobToken token) {
    flush();
    tokens_.push_back(std::move(token));
  };
  std::size_t column = 1;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t start = i;
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 == pattern.size()) throw GlobError("a trailing '\\' escapes nothing", column);
      ++i;
      const std::size_t from = i;
      utf8::next(pattern, i);
      literal.append(pattern.substr(from, i - from));
    } else if (c == '*') {
      std::size_t run = 0;
      while (i < pattern.size() && pattern[i] == '*') ++i, ++run;
      const bool segment_start = start == 0 || pattern[start - 1] == '/';
      const bool segment_end = i == pattern.size() || pattern[i] == '/';
      if (run >= 2 && segment_start && segment_end) {
        if (i == pattern.size()) {
          push({Kind::any_rest, {}, {}, false});
        } else {
          ++i;  // the `/` belongs to `**/`
          push({Kind::any_dirs, {}, {}, false});
        }
      } else {
        push({Kind::star, {}, {}, false});
      }
    } else if (c == '?') {
      ++i;
      push({Kind::question, {}, {}, false});
    } else if (c == '[') {
      GlobToken token;
      i = parse_class(pattern, i, column, token);
      push(std::move(token));
    } else {
      utf8::next(pattern, i);
      literal.append(pattern.substr(start, i - start));
    }
    column += utf8::count(pattern.substr(start, i - start));
  }
  flush();
  for (const auto& token : tokens_)
    if (is_wildcard(token.kind)) ++wildcards_;
}

bool Glob::match_from(std::string_view path, std::size_t token, std::size_t pos, std::size_t token_end,
                      std::vector<std::string_view>& captures, std::vector<char>& failed) const {
  if (token == token_end) return pos == path.size();
  // Whether a state matches does not depend on the captures so far, so a
  // state that failed once fails again: remembering it keeps the work
  // polynomial however many wildcards a pattern has.
  char& known_failure = failed[token * (path.size() + 1) + pos];
  if (known_failure) return false;
  const GlobToken& t = tokens_[token];
  const auto try_capture = [&](std::size_t end) {
    captures.push_back(path.substr(pos, end - pos));
    if (match_from(path, token + 1, end, token_end, captures, failed)) return true;
    captures.pop_back();
    return false;
  };
  switch (t.kind) {
    case Kind::literal:
      if (path.substr(pos).starts_with(t.literal) &&
          match_from(path, token + 1, pos + t.literal.size(), token_end, captures, failed))
        return true;
      break;
    case Kind::star: {
      const std::size_t segment_end = std::min(path.find('/', pos), path.size());
      for (std::size_t end = pos;;) {
        if (try_capture(end)) return true;
        if (end >= segment_end) break;
        utf8::next(path, end);
      }
      break;
    }
    case Kind::question:
    case Kind::char_class:
      if (pos < path.size() && path[pos] != '/') {
        std::size_t end = pos;
        const char32_t cp = utf8::next(path, end);
        if ((t.kind == Kind::question || class_contains(t, cp)) && try_capture(end)) return true;
      }
      break;
    case Kind::any_dirs: {
      if (try_capture(pos)) return true;
      for (std::size_t slash = path.find('/', pos); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
        captures.push_back(path.substr(pos, slash - pos));
        if (match_from(path, token + 1, slash + 1, token_end, captures, failed)) return true;
        captures.pop_back();
      }
      break;
    }
    case Kind::any_rest:
      if (pos < path.size() && try_capture(path.size())) return true;
      break;
  }
  known_failure = 1;
  return false;
}

std::optional<std::vector<std::string_view>> Glob::match(std::string_view path) const {
  // Cheap rejections first: most project files fail on their fixed ends.
  if (!tokens_.empty() && tokens_.front().kind == Kind::literal && !path.starts_with(tokens_.front().literal))
    return std::nullopt;
  if (!tokens_.empty() && tokens_.back().kind == Kind::literal && !path.ends_with(tokens_.back().literal))
    return std::nullopt;
  for (const auto& token : tokens_)
    if (token.kind == Kind::literal && path.find(token.literal) == std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> captures;
  captures.reserve(wildcards_);
  std::vector<char> failed(tokens_.size() * (path.size() + 1), 0);
  if (!match_from(path, 0, 0, tokens_.size(), captures, failed)) return std::nullopt;
  return captures;
}

std::string Glob::expand(const std::vector<std::string_view>& captures) const {
  std::string path;
  std::size_t next = 0;
  for (const auto& token : tokens_) {
    if (token.kind == Kind::literal) {
      path += token.literal;
      continue;
    }
    const std::string_view value = next < captures.size() ? captures[next] : std::string_view();
    ++next;
    path += value;
    if (token.kind == Kind::any_dirs && !value.empty()) path += '/';
  }
  return path;
}

bool Glob::covers_directory(std::string_view dir) const {
  if (tokens_.empty() || tokens_.back().kind != Kind::any_rest) return false;
  if (tokens_.size() == 1) return true;  // `**` alone
  const std::string inside = std::string(dir) + '/';
  std::vector<std::string_view> captures;
  std::vector<char> failed(tokens_.size() * (inside.size() + 1), 0);
  return match_from(inside, 0, 0, tokens_.size() - 1, captures, failed);
}

bool matches_path_or_parent(std::string_view path, const std::vector<Glob>& globs) {
  for (const Glob& glob : globs) {
    if (glob.matches(path)) return true;
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
      if (glob.matches(path.substr(0, slash))) return true;
  }
  return false;
}

}  // namespace tc
