#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/severity.h"

namespace tc {

// Where the other language's side of a finding is: the aligned sentence or
// term, so a translator sees both sides.
struct Counterpart {
  const Document* document = nullptr;
  Span span;
  std::string text;  // at most kMaxQuotedBytes and an ellipsis (clip_quoted)
};

// What a finding quotes of a text (its counterpart, the JSON report's "text")
// is cut after this many bytes: a 64 KB unit with thousands of placeholders
// quoted whole by each of its findings made a gigabyte report.
inline constexpr std::size_t kMaxQuotedBytes = 1024;

// text, or its first kMaxQuotedBytes at most (cut between characters) and "…".
std::string clip_quoted(std::string_view text);

// The span a rule's one-replacement fix means: the finding's own span, set
// by the engine when the finding leaves the rule.
inline constexpr Span kFindingSpan{std::numeric_limits<std::size_t>::max(), std::numeric_limits<std::size_t>::max()};

// One change to the document text: replace span (bytes of Document::text) by replacement.
struct Edit {
  Span span = kFindingSpan;
  std::string replacement;
};

// Safe: applying the edits cannot change the meaning (a mojibake repaired, a
// doubled word removed). Unsafe: probably right, but a person should look.
enum class Applicability { safe, unsafe };

struct Fix {
  Fix() = default;
  // The common case: replace the finding's span by `replacement`, safely.
  Fix(std::string replacement) : edits{Edit{kFindingSpan, std::move(replacement)}} {}  // NOLINT: implicit on purpose
  Fix(const char* replacement) : Fix(std::string(replacement)) {}                    // NOLINT
  Fix(std::vector<Edit> edits, Applicability applicability) : edits(std::move(edits)), applicability(applicability) {}
  // The replacement of a one-edit fix.
  const std::string& replacement() const { return edits.front().replacement; }
  std::vector<Edit> edits;  // ascending, not overlapping
  Applicability applicability = Applicability::safe;
};

// A fix of the finding's span that needs a person's judgement (a term, a guess).
inline Fix unsafe_fix(std::string replacement) {
  return Fix({Edit{kFindingSpan, std::move(replacement)}}, Applicability::unsafe);
}

// A value held out of line and read like a std::optional (bool, has_value,
// ->, *, value, assignment of a value or std::nullopt, emplace, reset): empty,
// it takes one pointer instead of the value's room. A Finding keeps its
// counterpart so (only pair rules give one): a Chinese book's thousands of
// findings are written to fresh pages on a first check, 56 bytes fewer each.
template <class T>
class OutOfLine {
 public:
  OutOfLine() = default;
  OutOfLine(std::nullopt_t) {}                                                // NOLINT: as std::optional
  OutOfLine(T value) : held_(std::make_unique<T>(std::move(value))) {}        // NOLINT: as std::optional
  OutOfLine(const OutOfLine& other) : held_(other.held_ ? std::make_unique<T>(*other.held_) : nullptr) {}
  OutOfLine(OutOfLine&&) noexcept = default;
  OutOfLine& operator=(const OutOfLine& other) {
    if (this != &other) held_ = other.held_ ? std::make_unique<T>(*other.held_) : nullptr;
    return *this;
  }
  OutOfLine& operator=(OutOfLine&&) noexcept = default;
  OutOfLine& operator=(T value) {
    held_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  OutOfLine& operator=(std::nullopt_t) {
    held_.reset();
    return *this;
  }
  explicit operator bool() const { return held_ != nullptr; }
  bool has_value() const { return held_ != nullptr; }
  T& operator*() { return *held_; }
  const T& operator*() const { return *held_; }
  T* operator->() { return held_.get(); }
  const T* operator->() const { return held_.get(); }
  T& value() {
    if (!held_) throw std::bad_optional_access();
    return *held_;
  }
  const T& value() const {
    if (!held_) throw std::bad_optional_access();
    return *held_;
  }
  template <class... Args>
  T& emplace(Args&&... args) {
    held_ = std::make_unique<T>(T{std::forward<Args>(args)...});
    return *held_;
  }
  void reset() { held_.reset(); }

 private:
  std::unique_ptr<T> held_;
};

struct Finding {
  std::string rule;  // "family/name"
  Severity severity = Severity::warning;
  // Not 0: this finding stands for that many findings of its rule in its
  // document that --max-findings-per-rule left out (core/finding_sink.h).
  // 32 bits fit beside the severity, so a Finding grows no larger.
  std::uint32_t omitted = 0;
  bool counts_omitted() const { return omitted != 0; }
  const Document* document = nullptr;  // set by the engine when a rule leaves it null
  Span span;                           // byte offsets into document->text
  std::string message;
  std::optional<Fix> fix;
  OutOfLine<Counterpart> counterpart;  // reads as a std::optional<Counterpart>
  // Stable identity for baselines and CI: from the rule, the file, the
  // flagged text and its surroundings, not the line number (set by the engine).
  std::string fingerprint;
};

// The replacement text when the fix is one edit over the finding's own span
// (what the text and JSON reports show as "fix"); nullopt otherwise.
inline std::optional<std::string> fix_replacement(const Finding& finding) {
  if (!finding.fix || finding.fix->edits.size() != 1) return std::nullopt;
  const Edit& edit = finding.fix->edits.front();
  if (edit.span != finding.span && edit.span != kFindingSpan) return std::nullopt;
  return edit.replacement;
}

}  // namespace tc
