// Runs every rule fixture under tests/rules/<family>/<name>/*.case with only
// that rule enabled, and compares the text report's headlines with the
// case's expected lines. Format: docs/testing.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/check.h"
#include "glossary/load.h"
#include "formats/load.h"
#include "report/printers.h"
#include "rules/registry.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;

struct Section {
  std::string kind;  // args, file, source, target, expect
  std::string name;  // file name for input sections
  std::vector<std::string> lines;
};

struct Case {
  fs::path path;
  std::string rule;
  std::vector<Section> sections;
};

// gtest prints a parameter in test listings and failures: the case's path,
// not its bytes.
void PrintTo(const Case& c, std::ostream* out) { *out << fs::relative(c.path, source_path("tests/rules")).string(); }

std::vector<Section> parse_case(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Section> sections;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("--- ", 0) == 0) {
      Section section;
      std::string header = line.substr(4);
      const auto colon = header.find(':');
      section.kind = header.substr(0, colon);
      if (colon != std::string::npos) {
        section.name = header.substr(colon + 1);
        while (!section.name.empty() && section.name.front() == ' ') section.name.erase(0, 1);
      }
      sections.push_back(section);
    } else if (!sections.empty()) {
      sections.back().lines.push_back(line);
    }
  }
  return sections;
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  const fs::path root = source_path("tests/rules");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".case") continue;
    const fs::path relative = fs::relative(entry.path(), root);
    auto it = relative.begin();
    const std::string family = (it++)->string();
    const std::string name = (it++)->string();
    cases.push_back({entry.path(), family + "/" + name, parse_case(entry.path())});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.path < b.path; });
  return cases;
}

std::string join_input(const std::vector<std::string>& lines, bool final_newline) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    text += lines[i];
    if (i + 1 < lines.size() || final_newline) text += '\n';
  }
  return unescape(text);
}

std::string display_name(const testing::TestParamInfo<Case>& info) {
  std::string name = fs::relative(info.param.path, source_path("tests/rules")).replace_extension().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

class RuleFixture : public testing::TestWithParam<Case> {};

TEST_P(RuleFixture, ReportsExactlyTheExpectedFindings) {
  const Case& c = GetParam();
  CheckOptions options;
  options.selection.select = {c.rule};
  LoadOptions single;
  LoadOptions source_load;
  source_load.language = parse_language("zh");
  LoadOptions target_load;
  target_load.language = parse_language("en");
  bool final_newline = true;
  std::vector<std::string> glossary_paths;
  std::vector<std::string> expected;
  std::vector<const Section*> inputs;
  for (const Section& s : c.sections) {
    if (s.kind == "args") {
      for (const std::string& arg_line : s.lines) {
        std::istringstream words(arg_line);
        std::string word;
        while (words >> word) {
          std::string value;
          if (word == "--no-final-newline") {
            final_newline = false;
            continue;
          }
          if (word == "--segmented") {
            options.align.segmented = true;
            continue;
          }
          ASSERT_TRUE(static_cast<bool>(words >> value)) << c.path << ": " << word << " needs a value";
          if (word == "--lang") single.language = parse_language_option(value, word);
          else if (word == "--source-lang") source_load.language = parse_language_option(value, word);
          else if (word == "--target-lang") target_load.language = parse_language_option(value, word);
          else if (word == "--enable") options.selection.enable(value);
          else if (word == "--glossary") glossary_paths.push_back((c.path.parent_path() / value).string());
          else if (word == "--set") add_setting(options.settings, value);  // the CLI's own parsing
          else {
            FAIL() << c.path << ": unknown argument " << word;
          }
        }
      }
    } else if (s.kind == "expect") {
      for (const auto& line : s.lines)
        if (!line.empty()) expected.push_back(line);
    } else {
      inputs.push_back(&s);
    }
  }
  Glossary glossary;
  if (!glossary_paths.empty()) {
    glossary = load_glossaries(glossary_paths);
    options.glossary = &glossary;
  }
  const RuleList rules = all_rules();
  ASSERT_NE(find_rule(rules, c.rule), nullptr) << c.path << ": no rule " << c.rule;
  std::vector<Finding> findings;
  std::vector<Document> docs;
  docs.reserve(2);
  if (inputs.size() == 2 && inputs[0]->kind == "source" && inputs[1]->kind == "target" &&
      is_keyed_pair(inputs[0]->name, inputs[1]->name)) {
    // Two message files (i18n JSON) paired by key.
    Bitext bitext = keyed_pair_from_bytes(inputs[0]->name, join_input(inputs[0]->lines, final_newline), inputs[1]->name,
                                          join_input(inputs[1]->lines, final_newline), {});
    findings = check_bitext(bitext, rules, options);
    std::vector<std::string> actual;
    for (const Finding& f : findings) actual.push_back(headline(f));
    EXPECT_EQ(actual, expected) << "case " << c.path;
    return;
  }
  if (inputs.size() >= 2 && std::all_of(inputs.begin(), inputs.end(), [](const Section* s) {
        return s->kind == "file" && is_bilingual_path(s->name);
      })) {
    // Translation files checked in one run, in the order given: each file's
    // findings, with those of its comparison with the files before it.
    options.keep_run_keys = true;
    const RuleRunner runner(rules, options);
    std::vector<Bitext> bitexts;
    bitexts.reserve(inputs.size());  // findings point into them
    RunComparison comparison;
    std::vector<std::string> actual;
    for (std::size_t job = 0; job < inputs.size(); ++job) {
      bitexts.push_back(bitext_from_bytes(inputs[job]->name, join_input(inputs[job]->lines, final_newline), {}));
      const Bitext& bitext = bitexts.back();
      JobResult result = runner.check_bitext(bitext.source, bitext.target, bitext.units);
      runner.add_run_findings(result, {&bitext.source, &bitext.target}, comparison.add(job, result));
      for (const Finding& f : result.findings) actual.push_back(headline(f));
    }
    EXPECT_EQ(actual, expected) << "case " << c.path;
    return;
  }
  if (inputs.size() == 2 && inputs[0]->kind == "source" && inputs[1]->kind == "target") {
    docs.push_back(document_from_bytes(inputs[0]->name, join_input(inputs[0]->lines, final_newline), source_load));
    docs.push_back(document_from_bytes(inputs[1]->name, join_input(inputs[1]->lines, final_newline), target_load));
    findings = check_pair(docs[0], docs[1], rules, options);
  } else {
    ASSERT_EQ(inputs.size(), 1u) << c.path
                                 << ": expected one 'file:' section, 'source:' and 'target:', or translation files";
    ASSERT_EQ(inputs[0]->kind, "file") << c.path;
    if (is_bilingual_path(inputs[0]->name)) {
      // A PO, XLIFF or TMX file: its own units are the pair.
      Bitext bitext = bitext_from_bytes(inputs[0]->name, join_input(inputs[0]->lines, final_newline), {});
      findings = check_bitext(bitext, rules, options);
      std::vector<std::string> actual;
      for (const Finding& f : findings) actual.push_back(headline(f));
      EXPECT_EQ(actual, expected) << "case " << c.path;
      return;
    }
    docs.push_back(document_from_bytes(inputs[0]->name, join_input(inputs[0]->lines, final_newline), single));
    findings = check_document(docs[0], rules, options);
  }
  std::vector<std::string> actual;
  for (const Finding& f : findings) actual.push_back(headline(f));
  EXPECT_EQ(actual, expected) << "case " << c.path;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, testing::ValuesIn(all_cases()), display_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleFixture);

}  // namespace
}  // namespace tc::test
