#include "rules/unit/inconsistent_across_files.h"

#include <utility>

#include "core/flat_map.h"
#include "core/fnv1a.h"

#include <cstdint>
#include <functional>
#include <string>

namespace tc {
namespace {

// One unit of a file, the first there with its key: key names what must
// match across files, other what must then agree.
struct UnitKey {
  std::uint64_t key = 0;
  std::uint64_t other = 0;
  std::uint32_t line = 0;  // of its target (1-based), for messages on other files
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
  std::uint32_t file;  // index in Comparer::paths_
  std::uint32_t line;
  std::uint64_t other;
};

// The first sighting of each key in the run.
struct FirstSightings {
  KeyIndex index;
  std::vector<FirstSeen> seen;
};

class Comparer final : public RunComparer {
 public:
  void add(std::size_t /*job*/, const RunKeys& kept, std::vector<RunFinding>& out) override {
    const auto& keys = static_cast<const FileKeys&>(kept);
    const auto file = static_cast<std::uint32_t>(paths_.size());
    paths_.push_back(keys.path);
    compare(keys.by_source, sources_, file, "the same source is translated differently in ", Severity::warning, out);
    compare(keys.by_target, targets_, file, "this translation is given to a different source text in ", Severity::info, out);
  }

 private:
  void compare(const std::vector<UnitKey>& units, FirstSightings& first_seen,
               std::uint32_t file, const char* message, Severity severity, std::vector<RunFinding>& out) const {
    for (const UnitKey& unit : units) {
      bool added = false;
      const std::uint32_t at =
          first_seen.index.first_or_add(unit.key, static_cast<std::uint32_t>(first_seen.seen.size()), added);
      if (added) {
        first_seen.seen.push_back({file, unit.line, unit.other});
        continue;
      }
      const FirstSeen& first = first_seen.seen[at];
      if (first.other == unit.other) continue;
      out.push_back({1, unit.target, message + paths_[first.file] + ":" + std::to_string(first.line), severity, {}});
    }
  }

  std::vector<std::string> paths_;  // of the files compared so far
  FirstSightings sources_, targets_;
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
a different source text in a later file is info. Texts are compared exactly,
as gettext looks messages up; only files with the same languages are compared.
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
  Fnv1a languages;
  languages.add_number(static_cast<std::uint64_t>(source.lang));
  languages.add_number(static_cast<std::uint64_t>(target.lang));
  languages.add_number(static_cast<std::uint64_t>(target.chinese_script));
  KeyIndex seen_sources(context.units->size()), seen_targets(context.units->size());
  const std::hash<std::string_view> text_hash;
  for (const BitextUnit& unit : *context.units) {
    if (unit.source.empty() || unit.target.empty()) continue;
    // As gettext looks messages up: the exact text.
    const std::uint64_t source_hash = text_hash(std::string_view(source.text).substr(unit.source.begin, unit.source.size()));
    const std::uint64_t target_hash = text_hash(std::string_view(target.text).substr(unit.target.begin, unit.target.size()));
    Fnv1a in_context = languages;
    in_context.add(unit.context);
    Fnv1a by_source = in_context, by_target = in_context;
    by_source.add_number(static_cast<std::uint64_t>(unit.plural_form));
    by_source.add_number(source_hash);
    by_target.add_number(target_hash);
    const bool new_source = seen_sources.insert(by_source.hash);
    const bool new_target = seen_targets.insert(by_target.hash);
    if (!new_source && !new_target) continue;
    // The line people see (in the file, for translation files), as reports count it.
    const auto line = static_cast<std::uint32_t>(target.position(unit.target.begin).line);
    if (new_source) keys->by_source.push_back({by_source.hash, target_hash, line, unit.target});
    if (new_target) keys->by_target.push_back({by_target.hash, source_hash, line, unit.target});
  }
  return keys;
}

std::unique_ptr<RunComparer> InconsistentAcrossFiles::start_run() const { return std::make_unique<Comparer>(); }

}  // namespace tc
