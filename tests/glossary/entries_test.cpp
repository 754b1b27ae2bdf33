// The compact store of a glossary's entries: what goes in is read back
// field by field, and removing entries keeps the others whole and in order.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "glossary/glossary.h"

namespace tc::test {
namespace {

using Strings = std::vector<std::string>;

GlossaryEntry make(Strings zh, std::string en, Strings variants, Strings forbidden, std::string note,
                   std::shared_ptr<const std::string> file, std::size_t line, bool case_sensitive = false) {
  GlossaryEntry entry;
  entry.zh = std::move(zh);
  entry.en = std::move(en);
  entry.variants = std::move(variants);
  entry.forbidden = std::move(forbidden);
  entry.note = std::move(note);
  entry.case_sensitive = case_sensitive;
  entry.origin_file = std::move(file);
  entry.origin_line = line;
  return entry;
}

// Every field of a stored entry equals the entry it was made from.
void expect_same(const GlossaryEntryView& view, const GlossaryEntry& entry) {
  EXPECT_EQ(view.zh, entry.zh);
  EXPECT_EQ(view.en, entry.en);
  EXPECT_EQ(view.variants, entry.variants);
  EXPECT_EQ(view.forbidden, entry.forbidden);
  EXPECT_EQ(view.note, entry.note);
  EXPECT_EQ(view.case_sensitive, entry.case_sensitive);
  EXPECT_EQ(view.origin(), entry.origin());
  EXPECT_EQ(view.accepted, entry.accepted());
}

std::vector<GlossaryEntry> sample() {
  const auto a = std::make_shared<const std::string>("a.tsv");
  const auto b = std::make_shared<const std::string>("b.tsv");
  return {
      make({"化疗", "化学疗法"}, "chemotherapy", {"chemo"}, {"chemical therapy", "chemo therapy"}, "see 放疗", a, 2),
      make({}, "", {}, {"utilize"}, "", a, 3),
      make({"骨髓抑制"}, "", {"myelosuppression", "marrow suppression"}, {}, "", a, 4),
      make({"NK细胞"}, "NK cell", {}, {}, "", b, 7, true),
      make({"疫苗"}, "vaccine", {"jab", "shot"}, {"vaccin"}, "a note", nullptr, 9),
  };
}

TEST(GlossaryEntries, ReadsBackEveryField) {
  const std::vector<GlossaryEntry> entries = sample();
  GlossaryEntries store;
  for (const GlossaryEntry& entry : entries) store.push_back(entry);
  ASSERT_EQ(store.size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) expect_same(store[i], entries[i]);
  EXPECT_EQ(store[0].origin(), "a.tsv:2");
  EXPECT_EQ(store[3].origin(), "b.tsv:7");
  EXPECT_EQ(store[4].origin(), ":9");  // no file
  // accepted: en first; without en, the variants alone.
  EXPECT_EQ(store[0].accepted, (Strings{"chemotherapy", "chemo"}));
  EXPECT_EQ(store[2].accepted, (Strings{"myelosuppression", "marrow suppression"}));
  EXPECT_TRUE(store[1].accepted.empty());
  // Iteration visits the entries in order.
  std::size_t i = 0;
  for (const GlossaryEntryView view : store) EXPECT_EQ(view.origin_line, entries[i++].origin_line);
  EXPECT_EQ(i, entries.size());
}

TEST(GlossaryEntries, BuiltFromEntriesAsIfAddedOneByOne) {
  const std::vector<GlossaryEntry> entries = sample();
  const GlossaryEntries store(entries);
  ASSERT_EQ(store.size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) expect_same(store[i], entries[i]);
}

TEST(GlossaryEntries, RemoveKeepsTheOthersWholeAndInOrder) {
  const std::vector<GlossaryEntry> entries = sample();
  for (unsigned mask = 0; mask < (1u << entries.size()); ++mask) {
    GlossaryEntries store(entries);
    std::vector<bool> removed(entries.size());
    std::vector<const GlossaryEntry*> kept;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      removed[i] = (mask >> i & 1) != 0;
      if (!removed[i]) kept.push_back(&entries[i]);
    }
    store.remove(removed);
    store.shrink_to_fit();
    ASSERT_EQ(store.size(), kept.size()) << "mask " << mask;
    for (std::size_t i = 0; i < kept.size(); ++i) expect_same(store[i], *kept[i]);
    // The store still takes entries after a removal.
    store.push_back(entries[0]);
    expect_same(store[store.size() - 1], entries[0]);
  }
}

TEST(GlossaryEntries, FormListComparesFormByForm) {
  GlossaryEntries store;
  store.push_back(make({"甲", "乙"}, "a", {}, {}, "", nullptr, 1));
  const FormList zh = store[0].zh;
  EXPECT_EQ(zh.size(), 2u);
  EXPECT_EQ(zh.front(), "甲");
  EXPECT_EQ(zh[1], "乙");
  EXPECT_EQ(zh.strings(), (Strings{"甲", "乙"}));
  EXPECT_FALSE(zh == (Strings{"甲"}));
  EXPECT_FALSE(zh == (Strings{"乙", "甲"}));
  EXPECT_TRUE(store[0].variants == Strings{});
  EXPECT_TRUE(FormList() == Strings{});
}

}  // namespace
}  // namespace tc::test
