#include "formats/load.h"

#include "core/error.h"
#include "formats/furniture.h"
#include "text/placeholders.h"
#include "formats/plain_text.h"

#include <unistd.h>

#include <algorithm>
#include <memory>

namespace tc {

Document make_document(std::string path, std::string text, Lang lang, const FormatReader& reader) {
  Document doc;
  doc.path = std::move(path);
  doc.text = std::move(text);
  doc.lang = lang;
  doc.format = reader.format;
  doc.lines = LineIndex(doc.text);
  Layout layout;
  try {
    // A bilingual format read as one document (--lang, --single): its text as plain text.
    layout = reader.read ? reader.read(doc.text) : plain_text_reader().read(doc.text);
  } catch (const FormatError& e) {
    const Position at = doc.lines.position(std::min(e.offset(), doc.text.size()), doc.text);
    throw InputError(doc.path, std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + e.what());
  }
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
  // A UTF-8 file without a byte order mark is read as it is: its bytes are
  // its text, held once, by the document (their copy was the largest holder
  // after the text on most inputs), and the document's lines serve.
  const bool read_as_is = !options.encoding && std::string_view(bytes).substr(0, 3) != "\xEF\xBB\xBF";
  if (!read_as_is) source->bytes = bytes;
  DecodedText decoded = decode_bytes(path, std::move(bytes), decode_options);
  source->encoding = decoded.encoding;
  source->bom_bytes = decoded.source_map.file_offset(0);
  source->bytes_are_text = read_as_is;
  if (!read_as_is) source->lines = LineIndex(source->bytes);
  const Lang lang = options.language ? options.language->lang : Lang::unknown;  // unknown: from the prose
  const ReaderList default_readers = options.readers ? ReaderList() : all_format_readers();
  const ReaderList& readers = options.readers ? *options.readers : default_readers;
  Document doc = make_document(path, std::move(decoded.text), lang, reader_for_path(readers, path));
  doc.bom_bytes = decoded.bom_bytes;
  doc.encoding = decoded.encoding;
  doc.source_map = std::move(decoded.source_map);
  doc.source = std::move(source);
  if (options.language) doc.chinese_script = options.language->chinese_script;
  doc.suspected_encodings = std::move(decoded.probable_encodings);
  return doc;
}

bool is_bilingual_path(const std::string& path, const ReaderList* readers) {
  const ReaderList defaults = readers ? ReaderList() : all_format_readers();
  return reader_for_path(readers ? *readers : defaults, path).format.bilingual;
}

namespace {

LanguageTag side_language(const std::string& declared, std::string_view text, LanguageTag fallback) {
  std::string tag = declared;
  for (char& c : tag)
    if (c == '_') c = '-';
  if (const auto parsed = parse_language(tag)) return *parsed;
  const Lang detected = dominant_language(text);
  if (detected != Lang::unknown && detected != fallback.lang) return LanguageTag{detected};
  return fallback;
}

// declared: the language the file gives ("zh_CN"), else the prose's script, else fallback.
Document side_document(const std::string& path, BitextSide side, const std::string& declared, LanguageTag fallback,
                       const FormatReader& reader, const DecodedText& decoded,
                       const std::shared_ptr<const SourceFile>& source) {
  Document doc;
  doc.path = path;
  doc.text = std::move(side.text.text);
  doc.format = reader.format;
  doc.lines = LineIndex(doc.text);
  doc.lines_in_file = true;
  doc.blocks = std::move(side.blocks);
  doc.masked = doc.text;
  for (const Block& block : doc.blocks)
    for_each_non_prose_placeholder(doc.text, block.span(), [&](Span span) {
      for (std::size_t i = span.begin; i < span.end; ++i)
        if (doc.masked[i] != '\n') doc.masked[i] = kMaskByte;
    });
  mask_urls(doc.text, doc.masked);
  // Placeholders and markup ("{count, plural, other"...) are no evidence of the language.
  const LanguageTag language = side_language(declared, doc.masked, fallback);
  doc.lang = language.lang;
  doc.chinese_script = language.chinese_script;
  doc.script_lang = dominant_language(doc.masked);
  // Nothing of a unit is kept text set apart from the translation: a copyright
  // unit is translated, and its year must match (mark_kept_text is for pages).
  if (doc.masked == doc.text) doc.masked.clear();
  doc.bom_bytes = decoded.bom_bytes;
  doc.encoding = decoded.encoding;
  doc.source_map = side.text.map.then(decoded.source_map);
  doc.source = source;
  return doc;
}

}  // namespace

namespace {

struct ReadFile {
  DecodedText decoded;
  std::shared_ptr<SourceFile> source;
};

// Decodes a bilingual file; one in a legacy encoding that was not named is refused.
ReadFile read_translation_file(const std::string& path, std::string bytes, const std::optional<std::string>& encoding) {
  DecodeOptions decode_options;
  decode_options.encoding = encoding;
  ReadFile file;
  file.source = std::make_shared<SourceFile>();
  file.source->path = path;
  file.source->bytes = bytes;
  file.decoded = decode_bytes(path, std::move(bytes), decode_options);
  file.source->encoding = file.decoded.encoding;
  file.source->bom_bytes = file.decoded.source_map.file_offset(0);
  file.source->lines = LineIndex(file.source->bytes);
  if (!file.decoded.probable_encodings.empty()) throw InputError(path, not_utf8_reason(file.decoded.probable_encodings));
  return file;
}

// A reader's FormatError as an InputError naming the file, line and column.
InputError located_error(const ReadFile& file, const FormatError& error) {
  const std::size_t file_offset = file.decoded.source_map.file_offset(std::min(error.offset(), file.decoded.text.size()));
  const Position at = file.source->lines.position(file_offset, file.source->bytes);
  return InputError(file.source->path, std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + error.what());
}

const FormatReader& reader_of(const BitextLoadOptions& options, const std::string& path, ReaderList& defaults) {
  if (!options.readers) defaults = all_format_readers();
  return reader_for_path(options.readers ? *options.readers : defaults, path);
}

Bitext make_bitext(BitextLayout layout, const FormatReader& reader, const BitextLoadOptions& options,
                   const ReadFile& source_file, const ReadFile& target_file) {
  Bitext bitext;
  bitext.source = side_document(source_file.source->path, std::move(layout.source), layout.source_language,
                                options.source_language, reader, source_file.decoded, source_file.source);
  bitext.target = side_document(target_file.source->path, std::move(layout.target), layout.target_language,
                                options.target_language, reader, target_file.decoded, target_file.source);
  bitext.units = std::move(layout.units);
  for (BitextUnit& unit : bitext.units) unit.file_offset = source_file.decoded.source_map.file_offset(unit.file_offset);
  return bitext;
}

}  // namespace

bool is_keyed_pair(const std::string& source_path, const std::string& target_path, const ReaderList* readers) {
  const ReaderList defaults = readers ? ReaderList() : all_format_readers();
  const ReaderList& list = readers ? *readers : defaults;
  return reader_for_path(list, source_path).read_keyed && reader_for_path(list, target_path).read_keyed;
}

Bitext bitext_from_bytes(const std::string& path, std::string bytes, const BitextLoadOptions& options) {
  ReaderList defaults;
  const FormatReader& reader = reader_of(options, path, defaults);
  if (!reader.read_bitext) throw InputError(path, "is not a bilingual file");
  ReadFile file = read_translation_file(path, std::move(bytes), options.encoding);
  BitextLayout layout;
  try {
    layout = reader.read_bitext(file.decoded.text);
  } catch (const FormatError& e) {
    throw located_error(file, e);
  }
  std::string().swap(file.decoded.text);  // read: the layout holds what the documents need
  return make_bitext(std::move(layout), reader, options, file, file);
}

Bitext keyed_pair_from_bytes(const std::string& source_path, std::string source_bytes, const std::string& target_path,
                             std::string target_bytes, const BitextLoadOptions& options) {
  ReaderList defaults;
  const FormatReader& reader = reader_of(options, source_path, defaults);
  if (!reader.read_keyed) throw InputError(source_path, "is not a message file paired by key");
  ReadFile source = read_translation_file(source_path, std::move(source_bytes), options.encoding);
  ReadFile target = read_translation_file(target_path, std::move(target_bytes), options.encoding);
  // Each decoded text is let go once read, and the strings once paired: the
  // documents hold the layout's texts, and every copy alive at once was
  // another input's worth of memory at the peak of loading.
  BitextLayout layout;
  {
    std::vector<KeyedString> source_strings;
    std::vector<KeyedString> target_strings;
    try {
      source_strings = reader.read_keyed(source.decoded.text);
    } catch (const FormatError& e) {
      throw located_error(source, e);
    }
    std::string().swap(source.decoded.text);
    try {
      target_strings = reader.read_keyed(target.decoded.text);
    } catch (const FormatError& e) {
      throw located_error(target, e);
    }
    std::string().swap(target.decoded.text);
    layout = pair_keyed_strings(source_strings, target_strings);
  }
  return make_bitext(std::move(layout), reader, options, source, target);
}

Bitext load_keyed_pair(const std::string& source_path, const std::string& target_path, const BitextLoadOptions& options) {
  return keyed_pair_from_bytes(source_path, read_file_bytes(source_path, options.limits), target_path,
                               read_file_bytes(target_path, options.limits), options);
}

Bitext load_bitext(const std::string& path, const BitextLoadOptions& options) {
  return bitext_from_bytes(path, read_file_bytes(path, options.limits), options);
}

Document load_document(const std::string& path, const LoadOptions& options) {
  if (path == "-") {
    const std::string name = options.display_name.empty() ? "<stdin>" : options.display_name;
    return document_from_bytes(name, read_stream_bytes(STDIN_FILENO, name, options.limits), options);
  }
  return document_from_bytes(path, read_file_bytes(path, options.limits), options);
}

}  // namespace tc
