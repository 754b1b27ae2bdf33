#pragma once
// A terminology glossary. Loaded by glossary/load.h, matched by glossary/match.h.
#include <string>
#include <vector>

namespace tc {

struct GlossaryEntry {
  std::vector<std::string> zh;         // Chinese forms
  std::string en;                      // preferred English
  std::vector<std::string> variants;   // other accepted English renderings
  std::vector<std::string> forbidden;  // renderings that must not be used
  std::string note;
  bool case_sensitive = false;
  std::string origin;                  // "file:line" it came from
};

class Glossary {
 public:
  std::vector<GlossaryEntry> entries;
};

}  // namespace tc
