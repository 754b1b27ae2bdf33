#pragma once
// Applying findings' fixes to the bytes of their file (`transcheck fix`).
// Pure: it takes the file as read (Document::source) and returns the new
// bytes; writing them is the caller's business.
#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.h"

namespace tc {

// Which fixes to apply: safe ones (and unsafe ones with `unsafe`), of the
// given rules or families when any are named.
struct FixSelection {
  std::vector<std::string> rules;     // rule ids
  std::vector<std::string> families;  // family names ("encoding")
  bool unsafe = false;
  bool admits(const Finding& finding) const;
};

// A fix that was chosen but not applied, and why.
struct SkippedFix {
  const Finding* finding = nullptr;
  std::string reason;  // "overlaps the fix of ... at 3:5"
};

// One edit in file bytes.
struct FileEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string bytes;  // escaped for the file's format
};

struct FilePatch {
  const Document* document = nullptr;
  std::vector<const Finding*> applied;  // in report order
  std::vector<SkippedFix> skipped;
  std::vector<FileEdit> edits;          // ascending, not overlapping
  std::string original;                 // the file's bytes as read
  std::string patched;                  // after the edits
  bool changed() const { return patched != original; }
};

// The fixes of `findings` on `doc` that `selection` admits, in report order:
// a fix whose edits overlap a fix taken before it is skipped, as is one that
// cannot be written in the file's encoding. Edits go through the document's
// source map to file bytes, their text escaped by the document's format.
// doc.source must be set (a document read from a file).
FilePatch plan_fixes(const Document& doc, const std::vector<Finding>& findings, const FixSelection& selection);

}  // namespace tc
