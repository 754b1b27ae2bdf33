#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "core/document.h"
#include "core/severity.h"

namespace tc {

// Where the other language's side of a finding is: the aligned sentence or
// term, so a translator sees both sides.
struct Counterpart {
  const Document* document = nullptr;
  Span span;
  std::string text;
};

struct Finding {
  std::string rule;  // "family/name"
  Severity severity = Severity::warning;
  const Document* document = nullptr;  // set by the engine when a rule leaves it null
  Span span;                           // byte offsets into document->text
  std::string message;
  std::optional<std::string> fix;      // replacement for span, only when safe
  std::optional<Counterpart> counterpart;
};

}  // namespace tc
