#pragma once
// The TMX 1.4 reader: a translation memory whose translation units are the units.
#include <string_view>

#include "formats/format_reader.h"

namespace tc {

// Each <tu> gives a unit: the <tuv> in the header's srclang (else the first)
// is the source, the first <tuv> in another language the target; languages
// from xml:lang; inline tags (<bpt>, <ept>, <it>, <ph>, <hi>, <ut>) kept as tags.
BitextLayout read_tmx(std::string_view text);

// .tmx; comments are <!-- -->; text written back is XML-escaped.
FormatReader tmx_reader();

}  // namespace tc
