#include "formats/format_reader.h"

#include "formats/i18n_json.h"
#include "formats/markdown.h"
#include "formats/plain_text.h"
#include "formats/po.h"
#include "formats/tmx.h"
#include "formats/xliff.h"
#include "text/ascii.h"

namespace tc {

ReaderList all_format_readers() {
  ReaderList readers;
  readers.push_back(plain_text_reader());
  readers.push_back(markdown_reader());
  readers.push_back(po_reader());
  readers.push_back(xliff_reader());
  readers.push_back(tmx_reader());
  readers.push_back(i18n_json_reader());
  return readers;
}

const FormatReader& reader_for_path(const ReaderList& readers, std::string_view path) {
  const std::size_t dot = path.find_last_of('.');
  const std::size_t slash = path.find_last_of("/\\");
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    const std::string extension = to_lower_ascii(path.substr(dot + 1));
    for (const FormatReader& reader : readers)
      for (std::string_view candidate : reader.extensions)
        if (candidate == extension) return reader;
  }
  return readers.front();
}

}  // namespace tc
