#include "formats/load.h"

#include "formats/furniture.h"
#include "formats/plain_text.h"

#include <unistd.h>

#include <memory>

namespace tc {

Document make_document(std::string path, std::string text, Lang lang, const FormatReader& reader) {
  Document doc;
  doc.path = std::move(path);
  doc.text = std::move(text);
  doc.lang = lang;
  doc.format = reader.format;
  doc.lines = LineIndex(doc.text);
  Layout layout = reader.read(doc.text);
  doc.blocks = std::move(layout.blocks);
  doc.masked = std::move(layout.masked);
  mask_urls(doc.prose(), doc.masked);
  // The language is read from the prose: a Chinese page full of code blocks,
  // URLs or front matter is still Chinese.
  doc.script_lang = dominant_language(doc.prose());
  if (doc.lang == Lang::unknown) doc.lang = doc.script_lang == Lang::unknown ? Lang::en : doc.script_lang;
  mark_kept_text(doc.prose(), doc.lang, doc.blocks);
  // Nothing masked: prose() can be the text itself.
  if (doc.masked == doc.text) doc.masked.clear();
  return doc;
}

Document make_document(std::string path, std::string text, Lang lang) {
  const ReaderList readers = all_format_readers();
  const FormatReader& reader = reader_for_path(readers, path);
  return make_document(std::move(path), std::move(text), lang, reader);
}

Document document_from_bytes(const std::string& path, std::string bytes, const LoadOptions& options) {
  DecodeOptions decode_options;
  decode_options.encoding = options.encoding;
  auto source = std::make_shared<SourceFile>();
  source->path = path;
  source->bytes = bytes;
  DecodedText decoded = decode_bytes(path, std::move(bytes), decode_options);
  source->encoding = decoded.encoding;
  source->bom_bytes = decoded.source_map.file_offset(0);
  source->lines = LineIndex(source->bytes);
  const Lang lang = options.language ? options.language->lang : Lang::unknown;  // unknown: from the prose
  const ReaderList default_readers = options.readers ? ReaderList() : all_format_readers();
  const ReaderList& readers = options.readers ? *options.readers : default_readers;
  Document doc = make_document(path, std::move(decoded.text), lang, reader_for_path(readers, path));
  doc.bom_bytes = decoded.bom_bytes;
  doc.encoding = decoded.encoding;
  doc.source_map = std::move(decoded.source_map);
  doc.source = std::move(source);
  if (options.language) doc.chinese_script = options.language->chinese_script;
  if (decoded.probable_encoding) doc.suspected_encoding = *decoded.probable_encoding;
  return doc;
}

Document load_document(const std::string& path, const LoadOptions& options) {
  if (path == "-") {
    const std::string name = options.display_name.empty() ? "<stdin>" : options.display_name;
    return document_from_bytes(name, read_stream_bytes(STDIN_FILENO, name, options.limits), options);
  }
  return document_from_bytes(path, read_file_bytes(path, options.limits), options);
}

}  // namespace tc
