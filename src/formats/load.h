#pragma once
// File to Document: read, decode, detect language, lay out blocks.
#include <optional>
#include <string>

#include "core/document.h"
#include "core/language.h"
#include "formats/reader.h"

namespace tc {

// Builds a document from decoded text: line index, blocks and prose mask.
// markdown selects the Markdown reader; otherwise the whole text is prose.
Document make_document(std::string path, std::string text, Lang lang, bool markdown);

struct LoadOptions {
  std::optional<std::string> encoding;     // --encoding
  std::optional<LanguageTag> language;     // nullopt: from the dominant script
};

// Throws InputError when the file cannot be read or is binary. "-" reads standard input.
Document load_document(const std::string& path, const LoadOptions& options);

// The same from bytes already in memory (tests, stdin).
Document document_from_bytes(const std::string& path, std::string bytes, const LoadOptions& options);

}  // namespace tc
