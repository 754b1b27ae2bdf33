#include "formats/format_reader.h"

namespace tc {
namespace {

Span append_unit_text(BitextSide& side, const MappedText& text, bool first) {
  // A paragraph break the segmenter respects; after an empty text too, so
  // each unit has an offset of its own.
  if (!first) side.text.text += "\n\n";
  const std::size_t begin = side.text.text.size();
  side.text.append(text);
  const Span span{begin, side.text.text.size()};
  if (!span.empty()) {
    Block block;
    block.set_span(span);
    block.set_content(span);
    side.blocks.push_back(block);
  }
  return span;
}

}  // namespace

void add_bitext_unit(BitextLayout& layout, const MappedText& source, const MappedText& target, BitextUnit unit) {
  const bool first = layout.units.empty();
  unit.source = append_unit_text(layout.source, source, first);
  unit.target = append_unit_text(layout.target, target, first);
  layout.units.push_back(std::move(unit));
}

}  // namespace tc
