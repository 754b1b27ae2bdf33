// Streaming a report's big array must give exactly the bytes of dumping the
// whole DOM, at any depth, for empty, one and many elements.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/json_stream.h"

namespace tc {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

// slot is the place in shell where the array goes.
std::string streamed(const json& shell, json& slot, const json& elements) {
  slot = kStreamedArrayPlaceholder;
  std::ostringstream out;
  write_with_streamed_array(out, dump(shell), elements.size(), [&](std::size_t i) { return dump(elements[i]); });
  return out.str();
}

TEST(JsonStream, MatchesTheWholeDomDumpAtAnyDepth) {
  const json one = json::array({{{"rule", "a/b"}, {"line", 1}, {"nested", {{"x", json::array({1, 2})}, {"y", "multi\nline"}}}}});
  json many = json::array();
  for (int i = 0; i < 5; ++i) many.push_back({{"i", i}, {"text", "\xE9 bad byte"}, {"empty", json::object()}});
  for (const json& elements : {json::array(), one, many}) {
    json top = {{"a", 1}, {"findings", elements}, {"z", "end"}};
    json shell = top;
    EXPECT_EQ(streamed(shell, shell["findings"], elements), dump(top));

    json deep = {{"runs", json::array({{{"tool", "t"}, {"results", elements}}})}, {"version", "2.1.0"}};
    json deep_shell = deep;
    EXPECT_EQ(streamed(deep_shell, deep_shell["runs"][0]["results"], elements), dump(deep));
  }
}

// A file named like the placeholder (a string, so always quoted) is only a
// name: the report keeps its structure.
TEST(JsonStream, AnInputCannotForgeThePlaceholder) {
  const std::string forged = json(kStreamedArrayPlaceholder).dump();
  const json elements = json::array({{{"rule", "a/b"}}});
  for (const std::string& name : std::vector<std::string>{forged, "\x01streamed array\x01", "\"" + forged + "\""}) {
    json top = {{"files", json::array({name})}, {"findings", elements}};
    json shell = top;
    const std::string out = streamed(shell, shell["findings"], elements);
    EXPECT_EQ(out, dump(top));
    EXPECT_EQ(json::parse(out)["files"][0], name);
  }
}

}  // namespace
}  // namespace tc
