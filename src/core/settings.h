#pragma once
// Rule options given on the command line as --set KEY=VALUE, where KEY is
// "family/name.option" (e.g. script/han-in-english.allow-parenthesized=true).
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tc {

class Settings {
 public:
  void set(std::string key, std::string value) { values_[std::move(key)] = std::move(value); }
  bool has(std::string_view key) const { return values_.find(key) != values_.end(); }
  std::string_view get(std::string_view key, std::string_view fallback = {}) const;
  bool flag(std::string_view key, bool fallback) const;
  // Comma-separated list.
  std::vector<std::string> list(std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& values() const { return values_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace tc
