#pragma once
// File to Document: read, decode, detect language, lay out blocks.
#include <optional>
#include <string>

#include "core/bitext.h"
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

struct BitextLoadOptions {
  std::optional<std::string> encoding;  // --encoding
  ReadLimits limits;                    // --max-input-size
  // Used when the file declares no language and its script does not tell.
  LanguageTag source_language{Lang::en};
  LanguageTag target_language{Lang::zh};
  const ReaderList* readers = nullptr;  // null: all_format_readers()
};

// True when the reader the path's extension selects is bilingual (PO, XLIFF, TMX).
bool is_bilingual_path(const std::string& path, const ReaderList* readers = nullptr);

// A bilingual file as a Bitext: both sides as documents whose offsets map to
// the file's bytes and whose lines and columns are counted in the file, and
// the units pairing them. Languages come from the file, else from each
// side's script, else from options. Throws InputError naming the file, line
// and column when the file cannot be read.
Bitext load_bitext(const std::string& path, const BitextLoadOptions& options);
Bitext bitext_from_bytes(const std::string& path, std::string bytes, const BitextLoadOptions& options);

// True when both files are message files paired by key (i18n JSON).
bool is_keyed_pair(const std::string& source_path, const std::string& target_path, const ReaderList* readers = nullptr);
// Two message files as a Bitext: a unit per source key with the target's
// value for the same key path (see pair_keyed_strings).
Bitext load_keyed_pair(const std::string& source_path, const std::string& target_path, const BitextLoadOptions& options);
Bitext keyed_pair_from_bytes(const std::string& source_path, std::string source_bytes, const std::string& target_path,
                             std::string target_bytes, const BitextLoadOptions& options);

}  // namespace tc
