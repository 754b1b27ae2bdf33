#include "engine/fixes.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace tc {
namespace {

bool is_utf8(std::string_view encoding) { return encoding == "UTF-8" || encoding == "utf-8" || encoding == "UTF8"; }

// UTF-8 text in the file's encoding, or nullopt when a character has no
// form there (a fix must never write a substitute character).
std::optional<std::string> in_encoding(const std::string& text, const std::string& encoding) {
  if (is_utf8(encoding) || text.empty()) return text;
  UErrorCode status = U_ZERO_ERROR;
  int32_t units = 0;
  u_strFromUTF8(nullptr, 0, &units, text.data(), static_cast<int32_t>(text.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  std::u16string utf16(static_cast<std::size_t>(units), u'\0');
  status = U_ZERO_ERROR;
  u_strFromUTF8(utf16.data(), units, nullptr, text.data(), static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  const std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(encoding.c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(static_cast<std::size_t>(UCNV_GET_MAX_BYTES_FOR_STRING(units, ucnv_getMaxCharSize(converter.get()))), '\0');
  const int32_t length = ucnv_fromUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()), utf16.data(), units, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

// Two edits collide when they share a byte, or insert at the same place, or
// one inserts inside the other's span.
bool collide(const FileEdit& a, const FileEdit& b) {
  if (a.begin == a.end || b.begin == b.end)
    return a.begin == b.begin || (a.begin > b.begin && a.begin < b.end) || (b.begin > a.begin && b.begin < a.end);
  return a.begin < b.end && b.begin < a.end;
}

std::string where(const Finding& f) {
  const Position p = f.document->position(f.span.begin);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

bool FixSelection::admits(const Finding& finding) const {
  if (!finding.fix || finding.fix->edits.empty()) return false;
  if (finding.fix->applicability == Applicability::unsafe && !unsafe) return false;
  if (rules.empty() && families.empty()) return true;
  const std::string_view family = std::string_view(finding.rule).substr(0, finding.rule.find('/'));
  return std::find(rules.begin(), rules.end(), finding.rule) != rules.end() ||
         std::find(families.begin(), families.end(), family) != families.end();
}

FilePatch plan_fixes(const Document& doc, const std::vector<Finding>& findings, const FixSelection& selection) {
  FilePatch patch;
  patch.document = &doc;
  patch.original = doc.file_bytes();
  std::vector<std::pair<FileEdit, const Finding*>> taken;
  for (const Finding& f : findings) {
    if (f.document != &doc || !selection.admits(f)) continue;
    std::vector<FileEdit> edits;
    bool writable = true;
    for (const Edit& edit : f.fix->edits) {
      const Span span = edit.span == kFindingSpan ? f.span : edit.span;
      const auto bytes = in_encoding(doc.format.escape(edit.replacement), doc.encoding);
      if (!bytes) {
        writable = false;
        break;
      }
      const Span file = doc.source_map.file_span(span);
      edits.push_back({file.begin, file.end, *bytes});
    }
    if (!writable) {
      patch.skipped.push_back({&f, "the fix cannot be written in the file's encoding (" + doc.encoding + ")"});
      continue;
    }
    const Finding* blocker = nullptr;
    for (const FileEdit& edit : edits)
      for (const auto& [other, owner] : taken)
        if (!blocker && collide(edit, other)) blocker = owner;
    if (blocker) {
      patch.skipped.push_back({&f, "overlaps the fix of [" + blocker->rule + "] at " + where(*blocker) + ", applied first"});
      continue;
    }
    for (FileEdit& edit : edits) taken.emplace_back(std::move(edit), &f);
    patch.applied.push_back(&f);
  }
  std::sort(taken.begin(), taken.end(), [](const auto& a, const auto& b) {
    return a.first.begin != b.first.begin ? a.first.begin < b.first.begin : a.first.end < b.first.end;
  });
  std::size_t copied = 0;
  for (auto& [edit, owner] : taken) {
    patch.patched.append(patch.original, copied, edit.begin - copied);
    patch.patched += edit.bytes;
    copied = edit.end;
    patch.edits.push_back(std::move(edit));
  }
  patch.patched.append(patch.original, copied);
  return patch;
}

}  // namespace tc
