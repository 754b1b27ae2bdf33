#pragma once
// What a document's format means to the checks and to writing text back.
// The readers that produce documents live in formats/, one per format; a
// rule asks the document's Format, never for a format by name.
#include <string>
#include <string_view>

namespace tc {

// How the format writes a comment, for inline suppressions: {"<!--", "-->"}.
// An empty open means the format has no comments.
struct CommentSyntax {
  std::string_view open;
  std::string_view close;
};

// Text written back into a file of the format as it is (plain text, Markdown).
inline std::string write_as_is(std::string_view text) { return std::string(text); }

struct Format {
  std::string_view name = "text";
  // Both languages in one file (XLIFF, PO, TMX): a reader gives a Bitext.
  bool bilingual = false;
  // Headings and their levels are written in the markup (# Title), so
  // alignment/structure can compare them across a pair.
  bool marks_headings = false;
  // A backslash escapes markup ("\&amp;", "\"" in Markdown): what follows is
  // meant literally, not an escape left over from code.
  bool backslash_escapes = false;
  // Each block is a text of its own (a PO message, an XLIFF segment, a JSON
  // value): nothing runs on from one block to the next, so no check reads
  // a block as continuing or following another.
  bool independent_blocks = false;
  CommentSyntax comment;
  // How to escape text that a fix writes into the file (&amp; for XML).
  std::string (*escape)(std::string_view text) = write_as_is;
};

}  // namespace tc
