#pragma once
// The gettext PO reader: a bilingual file whose messages are the units.
#include <string_view>

#include "formats/format_reader.h"

namespace tc {

// msgctxt, plurals (msgstr[n] paired with msgid, or with msgid_plural when
// the header's Plural-Forms has one form, as Chinese does), the fuzzy flag,
// format flags and C escapes; obsolete "#~" entries and the header are read
// but are no units. The target language comes from the header's Language.
// Throws FormatError for a broken escape, an unclosed string, an entry
// without msgstr and text that is no PO.
BitextLayout read_po(std::string_view text);

// .po; comments are "#" lines; text written back is C-escaped.
FormatReader po_reader();

}  // namespace tc
