#include "glossary/glossary.h"

#include "glossary/match.h"

namespace tc {

std::vector<std::string> GlossaryEntry::accepted() const {
  std::vector<std::string> all;
  all.reserve(variants.size() + 1);
  if (!en.empty()) all.push_back(en);
  all.insert(all.end(), variants.begin(), variants.end());
  return all;
}

void Glossary::build_index() { index_ = std::make_shared<const TermIndex>(entries); }

}  // namespace tc
