#include "formats/pair_lines.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace tc {
namespace {

using nlohmann::json;

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string text_field(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) throw PairLineError(std::string("no \"") + key + "\" field");
  if (!found->is_string()) throw PairLineError(std::string("\"") + key + "\" is not a string");
  return found->get<std::string>();
}

LinePair parse_json_line(std::string_view line) {
  json object;
  try {
    object = json::parse(line);
  } catch (const json::exception& error) {  // a syntax error, or a number too large (out_of_range.406)
    // nlohmann's message names the byte: "[json.exception.parse_error.101] parse error at line 1, column 7: ..."
    std::string reason = error.what();
    const auto at = reason.find("column ");
    throw PairLineError("not valid JSON (" + (at == std::string::npos ? reason : reason.substr(at)) + ")");
  }
  if (!object.is_object()) throw PairLineError("not a JSON object with \"source\" and \"target\"");
  LinePair pair;
  pair.source = text_field(object, "source");
  pair.target = text_field(object, "target");
  if (const auto id = object.find("id"); id != object.end() && !id->is_null()) {
    if (!id->is_string() && !id->is_number()) throw PairLineError("\"id\" is not a string or a number");
    pair.id_json = id->dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return pair;
}

LinePair parse_tsv_line(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (fields.size() != 2 && fields.size() != 3)
    throw PairLineError("expected 2 tab-separated fields (source, target) or 3 (id, source, target), found " +
                        std::to_string(fields.size()));
  LinePair pair;
  if (fields.size() == 3) pair.id_json = json(std::string(fields[0])).dump(-1, ' ', false, json::error_handler_t::replace);
  pair.source = std::string(fields[fields.size() - 2]);
  pair.target = std::string(fields[fields.size() - 1]);
  return pair;
}

}  // namespace

PairLinesFormat detect_pair_lines_format(std::string_view first_line) {
  const auto first = std::find_if(first_line.begin(), first_line.end(), [](char c) { return c != ' ' && c != '\t'; });
  return first != first_line.end() && *first == '{' ? PairLinesFormat::jsonl : PairLinesFormat::tsv;
}

std::optional<PairLinesFormat> parse_pair_lines_format(std::string_view name) {
  if (name == "auto") return std::nullopt;
  if (name == "jsonl") return PairLinesFormat::jsonl;
  if (name == "tsv") return PairLinesFormat::tsv;
  throw std::invalid_argument("must be auto, jsonl or tsv");
}

LinePair parse_pair_line(std::string_view line, PairLinesFormat format) {
  line = without_cr(line);
  if (line.empty()) throw PairLineError("empty line");
  return format == PairLinesFormat::jsonl ? parse_json_line(line) : parse_tsv_line(line);
}

}  // namespace tc
