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

TEST(JsonStream, SteeringCharactersAreEscapedAndTheValueKept) {
  // DEL, C1 (NEL, CSI), ALM, LRM, RLM, LS, PS, LRE, RLO, LRI, PDI.
  const std::string steering = "a\x7f" "b\xc2\x85" "c\xc2\x9b" "d\xd8\x9c" "e\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xa8\xe2\x80\xa9"
                               "\xe2\x80\xaa\xe2\x80\xae\xe2\x81\xa6\xe2\x81\xa9" "f";
  // Their neighbours stay: NBSP, U+00A9, U+061B, U+200D, U+201C, U+202F, U+2060, U+206A, Han.
  const std::string kept = "\xc2\xa0\xc2\xa9\xd8\x9b\xe2\x80\x8d\xe2\x80\x9c\xe2\x80\xaf\xe2\x81\xa0\xe2\x81\xaa中";
  const std::string out = escape_steering_characters(json(steering + kept).dump());
  EXPECT_EQ(out, "\"a\\u007fb\\u0085c\\u009bd\\u061ce\\u200e\\u200f\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069f" + kept + "\"");
  EXPECT_EQ(json::parse(out), steering + kept);
  EXPECT_EQ(escape_steering_characters("[\"" + kept + "\"]"), "[\"" + kept + "\"]");
  // At the very end, and a lead byte cut off (not from a dump) is left alone.
  EXPECT_EQ(escape_steering_characters("\xe2\x80\xae"), "\\u202e");
  EXPECT_EQ(escape_steering_characters("x\xe2\x80"), "x\xe2\x80");
}

}  // namespace
}  // namespace tc
