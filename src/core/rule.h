#pragma once
// The Rule interface. A rule is one class in one file under
// src/rules/<family>/, registered in src/rules/<family>/module.cpp, with its
// doc in RuleInfo::doc and its cases under tests/rules/<family>/<name>/.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "core/bitext.h"
#include "core/document.h"
#include "core/finding.h"
#include "core/finding_sink.h"
#include "core/language.h"
#include "core/settings.h"

namespace tc {

struct Alignment;  // align/alignment.h
class Glossary;    // glossary/glossary.h
class Lockstep;    // core/lockstep.h

// Which documents a rule reads.
enum class RuleScope {
  document,  // one document at a time (works for `check FILE...` too)
  pair,      // a source and its translation, with their alignment
  run,       // the translation files of a run compared with each other (Rule::keep_for_run, start_run)
};

// Which language a document-scope rule applies to (pair rules: any).
enum class RuleLanguage { any, en, zh };

struct RuleInfo {
  std::string_view id;       // "family/name", stable
  Severity default_severity = Severity::warning;
  RuleScope scope = RuleScope::document;
  RuleLanguage language = RuleLanguage::any;
  bool enabled_by_default = true;
  std::string_view summary;  // one line for `transcheck rules`
  // Markdown shown by `transcheck explain`, under the fixed headings
  // "## What it does", "## Why it matters", "## Example", "## Options".
  std::string_view doc;
  // Its findings are the root cause of whatever other rules see inside them
  // (mojibake: "鈥檛" also reads as stray Han), so those are not reported.
  bool explains_its_span = false;
  // Runs on a file that is not UTF-8 but reads as a legacy encoding; every
  // other rule is skipped there, so such a file is one finding, not thousands.
  bool reads_undecoded = false;
  // The options it reads, declared once: `transcheck explain` prints them
  // under "## Options", and --set values are checked against them.
  std::span<const OptionSpec> options = {};
};

enum class Role { single, source, target };

// A file of a project run whose counterpart was not found: a source without
// its translation (side == Role::source) or a translation without its
// source (side == Role::target).
struct MissingCounterpart {
  Role side = Role::source;
  std::string expected;  // the counterpart's path the pairing looked for; empty when unknown
};

// What the rules of one job compute once and share, such as the glossary
// terms of a pair that three terminology rules read. The engine gives each
// job a fresh memo; entries live as long as the job.
class JobMemo {
 public:
  // The value stored under key, made by make() the first time it is asked for.
  template <class T, class Make>
  const T& get(std::string_view key, Make&& make) {
    auto it = entries_.find(key);
    if (it == entries_.end()) it = entries_.emplace(std::string(key), std::make_shared<T>(make())).first;
    return *static_cast<const T*>(it->second.get());
  }

 private:
  std::map<std::string, std::shared_ptr<void>, std::less<>> entries_;
};

// How the shared scan's events of a long document are held while its rules
// run in lockstep (rules/code_point_events.h): a window of them at a time.
struct EventWindowing {
  std::size_t chunk_bytes = 1 << 16;    // text scanned at a time
  std::size_t window_events = 1 << 16;  // a window ends with the chunk that takes it to this many events
  // ... or to one event for each this many bytes of the document, if more
  // (0: no such floor): a sparse document (a Chinese book has an event every
  // hundred bytes, English prose one every fifty) keeps all its events, at
  // most 3/8 of its size in bytes (12 bytes an event), and a rule that walks
  // them twice reads them again instead of scanning again: encoding/mojibake
  // walks its candidates twice, and scanning 20 MB of Chinese a second time
  // took longer (650 MB/s instead of 1,100) than faulting in the events' pages.
  // (Its first visit now keeps what the second reads when the window may
  // move, but each window then costs every rule a turn on a thread of its
  // own: without the floor the 20 MB faulted 930 pages instead of 870 and
  // was no faster.)
  std::size_t bytes_per_event = 32;
};

struct CheckContext {
  const Document& doc;                       // the document being checked (pair rules: the target)
  const Document* source = nullptr;          // pair rules: the source document
  const Document* target = nullptr;          // pair rules: the target document
  const Alignment* alignment = nullptr;      // pair rules: sentence alignment of source and target
  const Glossary* glossary = nullptr;        // null when no glossary was given
  const RuleOptions& options;                // every declared option, parsed, defaults filled in
  Role role = Role::single;
  JobMemo* memo = nullptr;                   // set by the engine; null: nothing is shared
  const MissingCounterpart* missing = nullptr;  // a project file checked without its counterpart
  // Pair rules on a bilingual file (PO, XLIFF, TMX, JSON pair), and document
  // rules on either of its sides (with source and target set): its units,
  // whose spans point into source and target. Null for two plain documents.
  const std::vector<BitextUnit>* units = nullptr;
  // Set by the engine when the document's rules run in lockstep (a long
  // document): the shared scan's events are then held a window at a time,
  // and a rule waits here for the next window (rules/code_point_events.h).
  Lockstep* lockstep = nullptr;
  const EventWindowing* event_windowing = nullptr;
};

// What a run-scope rule keeps of one job for comparing the jobs of a run
// with each other: compact keys (hashes, lines), not texts.
struct RunKeys {
  virtual ~RunKeys() = default;
};

// A finding of a run-scope rule on the job just compared: on its document
// `document` (0 the source, 1 the target of a pair or translation file), at span.
struct RunFinding {
  std::size_t document = 1;
  Span span;
  std::string message;
  Severity severity = Severity::warning;
  std::string rule;  // set by the engine
};

// A run-scope rule's comparison of one run's jobs: given each job's keys in
// job order, it keeps what later jobs are compared with (the first occurrence
// of each key: memory grows with the distinct keys, not with the texts) and
// reports on the job just given, whose documents are still there.
class RunComparer {
 public:
  virtual ~RunComparer() = default;
  virtual void add(std::size_t job, const RunKeys& keys, std::vector<RunFinding>& out) = 0;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  // Appends findings; must not do I/O. Findings may leave severity and rule
  // unset: the engine fills them from info() (see make_finding).
  virtual void check(const CheckContext& context, FindingSink& out) const = 0;
  // Called for each document this rule is about to check, before the job's
  // other work (alignment, other rules): a rule that needs a slow resource
  // (a dictionary) may start loading it in the background here. Must not
  // report anything.
  virtual void prepare(const Document& /*doc*/) const {}
  // Run-scope rules: what to keep of a translation file's job (context as
  // for a pair rule, with its units) for the run's comparer; null: nothing. No I/O.
  virtual std::shared_ptr<const RunKeys> keep_for_run(const CheckContext& /*context*/) const { return nullptr; }
  // Run-scope rules: a comparer for one run (the engine makes one per run).
  virtual std::unique_ptr<RunComparer> start_run() const { return nullptr; }

 protected:
  Finding make_finding(const Document& doc, Span span, std::string message) const {
    Finding f;
    f.rule = std::string(info().id);
    f.severity = info().default_severity;
    f.document = &doc;
    f.span = span;
    f.message = std::move(message);
    return f;
  }
};

using RuleList = std::vector<std::unique_ptr<Rule>>;

}  // namespace tc
