#include "glossary/glossary.h"

#include <mutex>

#include "glossary/match.h"

namespace tc {

std::string GlossaryEntry::origin() const {
  return (origin_file ? *origin_file : std::string()) + ":" + std::to_string(origin_line);
}

std::vector<std::string> GlossaryEntry::accepted() const {
  std::vector<std::string> all;
  all.reserve(variants.size() + 1);
  if (!en.empty()) all.push_back(en);
  all.insert(all.end(), variants.begin(), variants.end());
  return all;
}

struct Glossary::LazyIndex {
  std::once_flag built;
  std::unique_ptr<const TermIndex> index;
};

void Glossary::build_index() { index_ = std::make_shared<LazyIndex>(); }

const TermIndex* Glossary::index() const {
  if (!index_) return nullptr;
  std::call_once(index_->built, [this] { index_->index = std::make_unique<const TermIndex>(entries); });
  return index_->index.get();
}

}  // namespace tc
