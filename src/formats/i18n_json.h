#pragma once
// The i18n JSON reader: message files (one per language, as i18next,
// FormatJS and vue-i18n write them) whose string values are paired across
// two files by key path.
#include <string>
#include <string_view>
#include <vector>

#include "formats/format_reader.h"

namespace tc {

// Every string value of a JSON file with its key path ("menu.file.open";
// array elements as "list.0"), in file order, mapped back to the file.
// Throws FormatError for JSON that does not parse and for nesting deeper
// than a sane limit.
std::vector<KeyedString> read_json_strings(std::string_view text);

// .json; no comments; text written back is JSON-escaped.
FormatReader i18n_json_reader();

}  // namespace tc
