#include "formats/pair_lines.h"

#include <gtest/gtest.h>

namespace tc {
namespace {

TEST(PairLines, TheFirstLineTellsJsonLinesFromTsv) {
  EXPECT_EQ(detect_pair_lines_format(R"({"source": "a", "target": "b"})"), PairLinesFormat::jsonl);
  EXPECT_EQ(detect_pair_lines_format("  {\"source\": \"a\"}"), PairLinesFormat::jsonl);
  EXPECT_EQ(detect_pair_lines_format("化疗\tchemotherapy"), PairLinesFormat::tsv);
  EXPECT_EQ(detect_pair_lines_format(""), PairLinesFormat::tsv);
  EXPECT_EQ(parse_pair_lines_format("auto"), std::nullopt);
  EXPECT_EQ(parse_pair_lines_format("tsv"), PairLinesFormat::tsv);
  EXPECT_THROW(parse_pair_lines_format("csv"), std::invalid_argument);
}

TEST(PairLines, JsonLinesKeepTheIdAsGivenAndTheTextAsDecoded) {
  const LinePair pair = parse_pair_line(R"({"id": 17, "source": "5 µg\u00a0抗原", "target": "5 µg of \"antigen\""})",
                                        PairLinesFormat::jsonl);
  EXPECT_EQ(pair.id_json, "17");
  EXPECT_EQ(pair.source, "5 µg\u00a0抗原");
  EXPECT_EQ(pair.target, "5 µg of \"antigen\"");
  EXPECT_EQ(parse_pair_line(R"({"id": "seg-1", "source": "a", "target": "b"})", PairLinesFormat::jsonl).id_json,
            "\"seg-1\"");
  EXPECT_EQ(parse_pair_line(R"({"source": "a", "target": "b"})" "\r", PairLinesFormat::jsonl).id_json, "");
  EXPECT_THROW(parse_pair_line(R"({"source": "a"})", PairLinesFormat::jsonl), PairLineError);
  EXPECT_THROW(parse_pair_line(R"({"source": "a", "target": null})", PairLinesFormat::jsonl), PairLineError);
  EXPECT_THROW(parse_pair_line(R"({"id": true, "source": "a", "target": "b"})", PairLinesFormat::jsonl), PairLineError);
  EXPECT_THROW(parse_pair_line(R"(["a", "b"])", PairLinesFormat::jsonl), PairLineError);
  EXPECT_THROW(parse_pair_line("{\"source\": \"caf\xE9\", \"target\": \"b\"}", PairLinesFormat::jsonl), PairLineError);
  // A number too large for a double is this line's error, not the run's.
  EXPECT_THROW(parse_pair_line(R"({"id": 1e99999, "source": "a", "target": "b"})", PairLinesFormat::jsonl), PairLineError);
}

TEST(PairLines, TsvFieldsAreTakenAsTheyAre) {
  LinePair pair = parse_pair_line("化疗\\n后\tafter chemotherapy\r", PairLinesFormat::tsv);
  EXPECT_EQ(pair.id_json, "");
  EXPECT_EQ(pair.source, "化疗\\n后");
  EXPECT_EQ(pair.target, "after chemotherapy");
  pair = parse_pair_line("seg \"1\"\t\t", PairLinesFormat::tsv);
  EXPECT_EQ(pair.id_json, "\"seg \\\"1\\\"\"");
  EXPECT_EQ(pair.source, "");
  EXPECT_EQ(pair.target, "");
  EXPECT_THROW(parse_pair_line("one field", PairLinesFormat::tsv), PairLineError);
  EXPECT_THROW(parse_pair_line("a\tb\tc\td", PairLinesFormat::tsv), PairLineError);
  EXPECT_THROW(parse_pair_line("\r", PairLinesFormat::tsv), PairLineError);
}

}  // namespace
}  // namespace tc
