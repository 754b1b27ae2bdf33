#include "glossary/reader_common.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/ascii.h"

namespace tc::glossary_reader {
namespace {


// Lines where each object of the entry list opens: nlohmann's DOM keeps no
// positions, so one light scan finds them for the messages.
std::vector<std::size_t> object_lines(std::string_view text, int entry_depth) {
  std::vector<std::size_t> lines;
  int depth = 0;
  std::size_t line = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      ++depth;
      if (c == '{' && depth == entry_depth) lines.push_back(line);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return lines;
}

}  // namespace

void read_json(GlossaryFile& file, std::string_view text) {
  const auto origin_file = std::make_shared<const std::string>(file.path);  // shared by its entries
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    file.problems.push_back({line_number(text, e.byte > 0 ? e.byte - 1 : 0), "malformed JSON: " + std::string(e.what()), true});
    return;
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double (out_of_range.406): nlohmann gives no
    // byte, but its message quotes the number, which is found in the text.
    const std::string message = e.what();
    const auto open = message.find('\'');
    const auto close = open == std::string::npos ? std::string::npos : message.find('\'', open + 1);
    const std::size_t at =
        close == std::string::npos ? std::string_view::npos : text.find(message.substr(open + 1, close - open - 1));
    file.problems.push_back({line_number(text, at == std::string_view::npos ? 0 : at), "malformed JSON: " + message, true});
    return;
  }
  const nlohmann::json* list = &root;
  int entry_depth = 2;
  if (root.is_object() && root.contains("entries")) {
    list = &root["entries"];
    entry_depth = 3;
  }
  if (!list->is_array()) {
    file.problems.push_back({1, "expected an array of entries, or an object with an \"entries\" array", true});
    return;
  }
  const std::vector<std::size_t> lines = object_lines(text, entry_depth);
  std::size_t index = 0;
  for (const nlohmann::json& item : *list) {
    const std::size_t line = index < lines.size() ? lines[index] : 1;
    ++index;
    if (!item.is_object()) {
      file.problems.push_back({line, "entry " + std::to_string(index) + " is not an object", true});
      continue;
    }
    bool ok = true;
    auto strings = [&](const char* key) {
      std::vector<std::string> out;
      if (!item.contains(key) || item[key].is_null()) return out;
      const nlohmann::json& value = item[key];
      // A crowded cell is refused before its items are copied.
      if (value.is_string()) {
        const std::string& cell = value.get_ref<const std::string&>();
        if (file.refuse_crowded_cell(cell, key, line)) {
          ok = false;
          return out;
        }
        return split_items(cell);
      }
      if (value.is_array()) {
        const auto items = static_cast<std::size_t>(std::count_if(value.begin(), value.end(), [](const nlohmann::json& element) {
          return element.is_string() && !trim(element.get_ref<const std::string&>()).empty();
        }));
        if (items > kMaxItemsPerCell) {
          file.limit_problems.push_back(crowded_cell_problem(line, key, items));
          ok = false;
          return out;
        }
        for (const auto& element : value) {
          if (element.is_string()) out.emplace_back(trim(element.get<std::string>()));
          else ok = false;
        }
        if (ok) return out;
      }
      file.problems.push_back({line, std::string("\"") + key + "\" must be a string or an array of strings", true});
      ok = false;
      return out;
    };
    auto text_of = [&](const char* key) {
      if (!item.contains(key) || item[key].is_null()) return std::string();
      if (item[key].is_string()) return std::string(trim(item[key].get<std::string>()));
      file.problems.push_back({line, std::string("\"") + key + "\" must be a string", true});
      ok = false;
      return std::string();
    };
    std::vector<std::string> zh = strings("zh");
    std::string en = text_of("en");
    std::vector<std::string> variants = strings("variants");
    std::vector<std::string> forbidden = strings("forbidden");
    std::string note = text_of("note");
    const std::string case_value = to_lower_ascii(text_of("case"));
    if (!case_value.empty() && case_value != "sensitive" && case_value != "insensitive") {
      file.problems.push_back({line, "\"case\" must be \"sensitive\", \"insensitive\" or empty", true});
      ok = false;
    }
    if (!ok) continue;
    file.take_entry(make_entry(std::move(zh), std::move(en), std::move(variants), std::move(forbidden),
                                      std::move(note), case_value == "sensitive", origin_file, line), line);
  }
}
}  // namespace tc::glossary_reader
