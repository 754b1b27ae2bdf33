#include "formats/load.h"

#include "formats/furniture.h"
#include "formats/markdown.h"
#include "formats/plain_text.h"

#include <iostream>
#include <sstream>

namespace tc {

Document make_document(std::string path, std::string text, Lang lang, bool markdown) {
  Document doc;
  doc.path = std::move(path);
  doc.text = std::move(text);
  doc.lang = lang;
  doc.markdown = markdown;
  doc.lines = LineIndex(doc.text);
  if (markdown) {
    MarkdownLayout layout = read_markdown(doc.text);
    doc.blocks = std::move(layout.blocks);
    doc.masked = std::move(layout.masked);
  } else {
    doc.blocks = plain_text_blocks(doc.text);
    mark_page_furniture(doc.text, doc.blocks);
  }
  // Bare URLs and e-mail addresses are not prose in either format.
  mask_urls(doc.prose(), doc.masked);
  mark_kept_text(doc.prose(), doc.lang, doc.blocks);
  // Markdown without any markup: prose() can be the text itself.
  if (markdown && doc.masked == doc.text) doc.masked.clear();
  return doc;
}

Document document_from_bytes(const std::string& path, std::string bytes, const LoadOptions& options) {
  DecodeOptions decode_options;
  decode_options.encoding = options.encoding;
  DecodedText decoded = decode_bytes(path, std::move(bytes), decode_options);
  const Lang detected = dominant_language(decoded.text);
  Lang lang = options.language ? options.language->lang : detected;
  if (lang == Lang::unknown) lang = Lang::en;
  Document doc = make_document(path, std::move(decoded.text), lang, is_markdown_path(path));
  doc.script_lang = detected;
  doc.bom_bytes = decoded.bom_bytes;
  doc.encoding = decoded.encoding;
  if (options.language) doc.chinese_script = options.language->chinese_script;
  if (decoded.probable_encoding) doc.suspected_encoding = *decoded.probable_encoding;
  return doc;
}

Document load_document(const std::string& path, const LoadOptions& options) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return document_from_bytes("<stdin>", std::move(buffer).str(), options);
  }
  return document_from_bytes(path, read_file_bytes(path), options);
}

}  // namespace tc
