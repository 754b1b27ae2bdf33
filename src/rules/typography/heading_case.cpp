#include "rules/typography/heading_case.h"

#include "rules/typography/text.h"

namespace tc {
namespace {

using namespace typography;

// The paragraph starts with an all-lowercase word of 2+ letters ("with", not "iPhone", "mRNA" or "e.g.").
bool starts_lowercase_word(std::string_view prose, const Block& block) {
  const std::size_t begin = block.content().begin;
  const std::size_t end = letters_end(prose, begin);
  if (end - begin < 2 || end > block.content().end) return false;
  for (std::size_t i = begin; i < end; ++i)
    if (!is_lower(prose[i])) return false;
  return !letter_at(prose, end) && !(end < prose.size() && prose[end] == '.');
}

// The block's text ends without closing a sentence: a word, a comma or an ellipsis.
bool ends_unfinished(std::string_view prose, const Block& block) {
  const std::string_view text = prose.substr(block.content().begin, block.content().size());
  if (text.empty()) return false;
  const char last = text.back();
  if (is_alnum(last) || last == ',') return true;
  return text.ends_with("...") || text.ends_with("\xE2\x80\xA6");  // ... or …
}

}  // namespace

const RuleInfo& HeadingCase::info() const {
  static const RuleInfo kInfo{
      "typography/heading-case", Severity::warning, RuleScope::document, RuleLanguage::en, true,
      "A paragraph that starts with a lowercase letter after a heading or an unfinished paragraph",
      R"doc(## What it does
Flags a paragraph that directly follows a heading and starts with a
lowercase word (in plain text a heading is a single short line without end
punctuation). It also flags a paragraph that starts with a lowercase word
when the paragraph before it ends without closing a sentence: on a word, a comma or an
ellipsis. That is either a heading followed by a lowercase sentence or, more
often, one paragraph broken in two ("problems arose......" / "with the
emergence of side effects"). Words that start lowercase by design (iPhone,
mRNA, e.g.) are not flagged. There is no fix: join the paragraphs or
capitalize.

## Why it matters
Broken paragraphs come from PDF extraction and from pasting out of web pages;
a sentence that starts in lowercase after a heading is a sign that text was
cut or lost.

## Example
`However, problems arose......` then a blank line, then `with the emergence
of side effects` is flagged at `with`.

## Options
None.)doc"};
  return kInfo;
}

void HeadingCase::check(const CheckContext& context, FindingSink& out) const {
  if (context.doc.format.independent_blocks) return;  // units of a translation file follow no heading
  const std::string_view prose = context.doc.prose();
  const std::vector<Block> blocks = prose_blocks(context.doc);
  for (std::size_t i = 1; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    const Block& previous = blocks[i - 1];
    if (block.kind != BlockKind::paragraph || !starts_lowercase_word(prose, block)) continue;
    const std::size_t end = letters_end(prose, block.content().begin);
    if (previous.kind == BlockKind::heading) {
      out.push_back(make_finding(context.doc, {block.content().begin, end},
                                 "paragraph after a heading starts with a lowercase letter"));
    } else if (previous.kind == BlockKind::paragraph && ends_unfinished(prose, previous)) {
      out.push_back(make_finding(context.doc, {block.content().begin, end},
                                 "paragraph starts with a lowercase letter after a paragraph that does not end a "
                                 "sentence (a broken paragraph?)"));
    }
  }
}

}  // namespace tc
