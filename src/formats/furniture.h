#pragma once
// Page furniture and text kept as it is: blocks of a document that are not
// body text to compare with a translation.
#include <string_view>
#include <vector>

#include "core/document.h"

namespace tc {

// Marks single-line blocks that are page furniture of a printed original:
// page numbers ("Page 2 of 4", "第 3 页"), date stamps ("1/31/2025"), legal
// citations ("42 U.S.C. § 300aa-26"), catalogue codes ("No. 080801 Rev. 7/24"),
// running headers and footers (a line that carries an edition date in
// brackets, "MMR VIS – Simplified Chinese (8/6/21)"), and lines repeated far
// apart in the document (on several pages). Sets kind and furniture.
void mark_page_furniture(std::string_view text, std::vector<Block>& blocks);

// Marks blocks kept as they are on purpose (Block::kept), given the
// document's language:
// - copyright lines ("©", "Copyright", "All rights reserved", "版权所有");
// - in a Chinese document, a line in English that is a notice about the
//   translation or names a language ("This translation is out of date…",
//   "Simplified Chinese"), or a name: a short line of capitalised words
//   ("Centers for Disease Control and Prevention", "OFFICE USE ONLY");
// - in an English document, a line in Chinese that names a language or the
//   translation (中文版, 翻译);
// - a line in a third language (Spanish, French, …), which no English or
//   Chinese word check should read either.
// prose is the document's prose (URLs masked).
void mark_kept_text(std::string_view prose, Lang lang, std::vector<Block>& blocks);

// True when text, Latin-script words, reads as a language other than English
// (its common function words are Spanish, French, German, Portuguese or Italian).
bool is_third_language(std::string_view text);

}  // namespace tc
