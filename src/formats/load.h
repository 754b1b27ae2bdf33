#pragma once
// File to Document: read, decode, detect language, lay out blocks.
#include <optional>
#include <string>

#include "core/document.h"
#include "core/language.h"
#include "formats/format_reader.h"
#include "formats/reader.h"

namespace tc {

// Builds a document from decoded text with the reader's layout: line
// index, blocks and prose mask (bare URLs are never prose). script_lang is
// the dominant script of the prose (code and front matter left out); with
// lang Lang::unknown the document takes it (English when there is no text).
Document make_document(std::string path, std::string text, Lang lang, const FormatReader& reader);
// The same with the reader the path's extension selects.
Document make_document(std::string path, std::string text, Lang lang);

struct LoadOptions {
  std::optional<std::string> encoding;     // --encoding
  std::optional<LanguageTag> language;     // nullopt: from the dominant script
  const ReaderList* readers = nullptr;     // null: all_format_readers()
  ReadLimits limits;                       // --max-input-size
  // Standard input ("-") is reported under this path and read in the format
  // its extension names (--stdin-filename); empty: "<stdin>", plain text.
  std::string display_name;
};

// Throws InputError when the file cannot be read or is binary. "-" reads standard input.
Document load_document(const std::string& path, const LoadOptions& options);

// The same from bytes already in memory (tests, stdin).
Document document_from_bytes(const std::string& path, std::string bytes, const LoadOptions& options);

}  // namespace tc
