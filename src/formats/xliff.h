#pragma once
// The XLIFF reader (1.2 and 2.0): a bilingual file whose units are the
// trans-units (1.2) or the segments of units (2.0).
#include <string_view>

#include "formats/format_reader.h"

namespace tc {

// Source, target, state, length limits (maxwidth, size-restriction) and
// inline tags; languages from source-language/target-language or
// srcLang/trgLang. Units marked translate="no" are left out.
BitextLayout read_xliff(std::string_view text);

// .xlf, .xliff; comments are <!-- -->; text written back is XML-escaped.
FormatReader xliff_reader();

}  // namespace tc
