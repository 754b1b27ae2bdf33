// The glossary readers (TSV, CSV, TBX, JSON), the term index and lint. The
// first byte picks the format.
#include <cstddef>
#include <cstdint>
#include <string>

#include "glossary/lint.h"
#include "glossary/load.h"
#include "glossary/match.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"g.tsv", "g.csv", "g.tbx", "g.json"};
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const tc::GlossaryFile file = tc::parse_glossary(kNames[data[0] % 4], bytes);
  (void)tc::lint_glossary(file);
  for (const tc::GlossaryProblem& problem : file.problems)
    if (problem.fatal) return 0;
  tc::Glossary glossary;
  glossary.entries = tc::GlossaryEntries(file.entries);
  glossary.build_index();
  const std::string zh = "患者接受了化疗，出现骨髓抑制。";
  const std::string en = "The patient received chemotherapy and chemical therapy.";
  (void)glossary.index()->find_chinese(zh, {0, zh.size()}, true);
  (void)glossary.index()->find_english(en, {0, en.size()});
  return 0;
}
