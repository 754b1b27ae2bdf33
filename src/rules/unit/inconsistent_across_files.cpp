#include "rules/unit/inconsistent_across_files.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace tc {
namespace {

// FNV-1a over the pieces of a key; whitespace runs of text count as one space
// and leading and trailing ones not at all, so a reflowed PO string is the same text.
struct KeyHash {
  std::uint64_t value = 14695981039346656037ull;
  void byte(unsigned char b) {
    value ^= b;
    value *= 1099511628211ull;
  }
  void add(std::string_view piece) {
    for (const char c : piece) byte(static_cast<unsigned char>(c));
    byte(0);
  }
  void add_folded(std::string_view text) {
    bool space = false, started = false;
    for (const char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = started;
        continue;
      }
      if (space) byte(' ');
      space = false;
      started = true;
      byte(static_cast<unsigned char>(c));
    }
    byte(0);
  }
  void add_number(long long number) { add(std::to_string(number)); }
};

// One unit of a file, the first there with its key: key names what must
// match across files, other what must then agree.
struct UnitKey {
  std::uint64_t key = 0;
  std::uint64_t other = 0;
  std::uint32_t line = 0;  // of its target, for messages in other files
  Span target;
};

struct FileKeys final : RunKeys {
  std::string path;  // as reported
  // By (languages, context, plural form, source): other is the translation.
  std::vector<UnitKey> by_source;
  // By (languages, context, translation): other is the source.
  std::vector<UnitKey> by_target;
};

struct FirstSeen {
  std::size_t job;
  std::uint64_t other;
  std::uint32_t line;
};

}  // namespace

const RuleInfo& InconsistentAcrossFiles::info() const {
  static const RuleInfo kInfo{
      "unit/inconsistent-across-files", Severity::warning, RuleScope::run, RuleLanguage::any, true,
      "The same source translated differently, or different sources given the same translation, in two files of a run",
      R"(## What it does
Compares the translation files of one run with each other (`check a.po b.po`,
or a project with several PO, XLIFF, TMX files or JSON pairs). A source text
(in the same context: PO `msgctxt`, JSON key path, and the same plural form)
that a later file translates differently from the first file that has it is
a warning at the later file's unit, naming the first; a translation given to
a different source text in a later file is info. Texts are compared with their
whitespace runs folded; only files with the same languages are compared.
Within one file, `unit/inconsistent` reports the same things.

## Why it matters
Catalogs of one product share messages: "File" translated one way in one
catalog and another way in the next shows users two words for one thing and
splits the translation memory.

## Example
`msgid "File"` is `文件` in `menu.po` and `档案` in `dialog.po`: reported at
`dialog.po`, "the same source is translated differently in menu.po:5".

## Options
None.)"};
  return kInfo;
}

std::shared_ptr<const RunKeys> InconsistentAcrossFiles::keep_for_run(const CheckContext& context) const {
  if (!context.units || !context.source || !context.target) return nullptr;
  const Document& source = *context.source;
  const Document& target = *context.target;
  auto keys = std::make_shared<FileKeys>();
  keys->path = target.path;
  std::unordered_set<std::uint64_t> seen_sources, seen_targets;
  for (const BitextUnit& unit : *context.units) {
    if (unit.source.empty() || unit.target.empty()) continue;
    const std::string_view source_text = std::string_view(source.text).substr(unit.source.begin, unit.source.size());
    const std::string_view target_text = std::string_view(target.text).substr(unit.target.begin, unit.target.size());
    KeyHash languages;
    languages.add_number(static_cast<int>(source.lang));
    languages.add_number(static_cast<int>(target.lang));
    languages.add_number(static_cast<int>(target.chinese_script));
    languages.add(unit.context);
    KeyHash by_source = languages, by_target = languages, source_hash, target_hash;
    by_source.add_number(unit.plural_form);
    by_source.add_folded(source_text);
    by_target.add_folded(target_text);
    source_hash.add_folded(source_text);
    target_hash.add_folded(target_text);
    const auto line = static_cast<std::uint32_t>(target.position(unit.target.begin).line);
    if (seen_sources.insert(by_source.value).second) keys->by_source.push_back({by_source.value, target_hash.value, line, unit.target});
    if (seen_targets.insert(by_target.value).second) keys->by_target.push_back({by_target.value, source_hash.value, line, unit.target});
  }
  return keys;
}

void InconsistentAcrossFiles::check_run(const std::vector<const RunKeys*>& jobs, std::vector<RunFinding>& out) const {
  std::unordered_map<std::uint64_t, FirstSeen> sources, targets;
  auto path_of = [&](std::size_t job) { return static_cast<const FileKeys*>(jobs[job])->path; };
  for (std::size_t job = 0; job < jobs.size(); ++job) {
    const auto* keys = static_cast<const FileKeys*>(jobs[job]);
    if (!keys) continue;
    for (const UnitKey& unit : keys->by_source) {
      const auto [first, added] = sources.try_emplace(unit.key, FirstSeen{job, unit.other, unit.line});
      if (added || first->second.other == unit.other) continue;
      out.push_back({job, 1, unit.target,
                     "the same source is translated differently in " + path_of(first->second.job) + ":" +
                         std::to_string(first->second.line),
                     Severity::warning, {}});
    }
    for (const UnitKey& unit : keys->by_target) {
      const auto [first, added] = targets.try_emplace(unit.key, FirstSeen{job, unit.other, unit.line});
      if (added || first->second.other == unit.other) continue;
      out.push_back({job, 1, unit.target,
                     "this translation is given to a different source text in " + path_of(first->second.job) + ":" +
                         std::to_string(first->second.line),
                     Severity::info, {}});
    }
  }
}

}  // namespace tc
