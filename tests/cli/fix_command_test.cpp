// `transcheck fix`: the guarantees of issue 13, each on a copy of the damaged
// sample: check after fix reports none of the fixed findings, fixing twice
// changes nothing the second time, and nothing outside the fixed spans
// changes byte for byte. Also --dry-run, filters, mode, BOM and line endings,
// and a file that changed on disk.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli_fixture.h"
#include "support/test_support.h"

namespace tc::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct SafeFix {
  std::string rule;
  std::string file;
  std::size_t line = 0, column = 0, offset = 0, end_offset = 0;
  std::string replacement;
};

class FixCommand : public BinaryTest {
 protected:
  void SetUp() override {
    BinaryTest::SetUp();
    zh_ = write("article.zh.txt", read_all(source_path("samples/exercise-recovery/article.zh.txt")));
    en_ = write("article.en.txt", read_all(source_path("samples/exercise-recovery/article.en.txt")));
    glossary_ = source_path("glossaries/medical.zh-en.tsv");
  }
  std::string pair() const { return zh_.string() + " " + en_.string() + " --glossary " + glossary_; }
  json report() {
    const CommandResult r = run("check " + pair() + " --format json --fail-on never");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  // The findings whose fix is safe (the JSON report gives "fix" for them).
  static std::vector<SafeFix> safe_fixes(const json& report) {
    std::vector<SafeFix> fixes;
    for (const auto& f : report["findings"])
      if (f.contains("fix"))
        fixes.push_back({f["rule"], f["file"], f["line"], f["column"], f["offset"], f["end_offset"], f["fix"]});
    return fixes;
  }
  // Those the fix run did not report as skipped.
  static std::vector<SafeFix> applied(const std::vector<SafeFix>& fixes, const std::string& err) {
    std::vector<SafeFix> out;
    for (const SafeFix& fix : fixes) {
      const std::string where = fix.file + ":" + std::to_string(fix.line) + ":" + std::to_string(fix.column) +
                                ": fix of [" + fix.rule + "] not applied";
      if (err.find(where) == std::string::npos) out.push_back(fix);
    }
    return out;
  }
  fs::path zh_, en_;
  std::string glossary_;
};

TEST_F(FixCommand, FixesTheSafeFindingsAndNothingElse) {
  const json before = report();
  const std::vector<SafeFix> fixes = safe_fixes(before);
  ASSERT_GE(fixes.size(), 10u);
  std::map<std::string, std::string> original = {{zh_.string(), read_all(zh_)}, {en_.string(), read_all(en_)}};

  const CommandResult r = run("fix " + pair());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<SafeFix> done = applied(fixes, r.err);
  EXPECT_GE(done.size(), fixes.size() * 9 / 10) << r.err;
  EXPECT_NE(r.err.find("fixed " + std::to_string(done.size()) + " findings in 2 files"), std::string::npos) << r.err;

  // Byte for byte: the file is the original with exactly the applied fixes' spans replaced.
  for (auto& entry : original) {
    // Named references, not a structured binding: clang 14 cannot capture bindings in lambdas.
    const auto& file = entry.first;
    auto& bytes = entry.second;
    std::vector<SafeFix> mine;
    std::copy_if(done.begin(), done.end(), std::back_inserter(mine), [&](const SafeFix& f) { return f.file == file; });
    std::sort(mine.begin(), mine.end(), [](const SafeFix& a, const SafeFix& b) { return a.offset < b.offset; });
    std::string expected;
    std::size_t copied = 0;
    for (const SafeFix& f : mine) {
      expected += bytes.substr(copied, f.offset - copied) + f.replacement;
      copied = f.end_offset;
    }
    expected += bytes.substr(copied);
    EXPECT_EQ(read_all(file), expected) << file;
  }

  // Check after fix reports none of the fixed findings: no finding of the
  // same rule where a fix was applied (offsets moved by the earlier fixes).
  const json after = report();
  for (const SafeFix& f : done) {
    long shift = 0;
    for (const SafeFix& g : done)
      if (g.file == f.file && g.offset < f.offset)
        shift += static_cast<long>(g.replacement.size()) - static_cast<long>(g.end_offset - g.offset);
    const std::size_t begin = f.offset + shift;
    const std::size_t end = begin + f.replacement.size();
    for (const auto& g : after["findings"]) {
      if (g["rule"] != f.rule || g["file"] != f.file) continue;
      const std::size_t offset = g["offset"];
      EXPECT_FALSE(offset >= begin && offset <= end && (offset < end || begin == end))
          << f.rule << " still at " << f.file << ":" << f.line << " after its fix: " << g.dump();
    }
  }

  // Fixing twice changes nothing the second time.
  const std::string zh_once = read_all(zh_), en_once = read_all(en_);
  const CommandResult again = run("fix " + pair());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_all(zh_), zh_once);
  EXPECT_EQ(read_all(en_), en_once);
  EXPECT_NE(again.err.find("fixed 0 findings in 0 files"), std::string::npos) << again.err;
}

TEST_F(FixCommand, DryRunPrintsAUnifiedDiffAndWritesNothing) {
  const std::string zh = read_all(zh_), en = read_all(en_);
  const CommandResult r = run("fix --dry-run " + pair());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_all(zh_), zh);
  EXPECT_EQ(read_all(en_), en);
  EXPECT_NE(r.out.find("--- " + en_.string() + "\n+++ " + en_.string() + "\n@@ -"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n-Exercise is not just"), std::string::npos);
  EXPECT_NE(r.out.find("\n+Exercise is not just"), std::string::npos);
  EXPECT_NE(r.err.find("would fix "), std::string::npos);
  // Each hunk's counts agree with its lines.
  std::istringstream diff(r.out);
  std::string line;
  long old_left = 0, new_left = 0;
  while (std::getline(diff, line)) {
    if (line.starts_with("@@")) {
      EXPECT_EQ(old_left, 0);
      EXPECT_EQ(new_left, 0);
      long a = 0, b = 0, c = 0, d = 0;
      ASSERT_EQ(std::sscanf(line.c_str(), "@@ -%ld,%ld +%ld,%ld @@", &a, &b, &c, &d), 4) << line;
      old_left = b;
      new_left = d;
    } else if (line.starts_with(" ")) {
      --old_left, --new_left;
    } else if (line.starts_with("-") && !line.starts_with("--- ")) {
      --old_left;
    } else if (line.starts_with("+") && !line.starts_with("+++ ")) {
      --new_left;
    }
  }
  EXPECT_EQ(old_left, 0);
  EXPECT_EQ(new_left, 0);
}

TEST_F(FixCommand, RuleFamilyAndUnsafeLimitWhatIsApplied) {
  const fs::path doc = write("note.en.txt", "The the cells，which grow, need rest.\nShe started chemo in May.\n");
  const fs::path glossary = write("g.tsv", "zh\ten\tvariants\tforbidden\n\tchemotherapy\t\tchemo\n");
  const std::string args = doc.string() + " --lang en --glossary " + glossary.string();
  EXPECT_EQ(run("fix --rule script/fullwidth-in-english " + args).exit_code, 0);
  EXPECT_EQ(read_all(doc), "The the cells, which grow, need rest.\nShe started chemo in May.\n");
  EXPECT_EQ(run("fix --family typography " + args).exit_code, 0);
  EXPECT_EQ(read_all(doc), "The cells, which grow, need rest.\nShe started chemo in May.\n");
  EXPECT_EQ(run("fix " + args).exit_code, 0);  // the term is not replaced without --unsafe
  EXPECT_NE(read_all(doc).find("chemo in May"), std::string::npos);
  EXPECT_EQ(run("fix --unsafe " + args).exit_code, 0);
  EXPECT_NE(read_all(doc).find("She started chemotherapy in May."), std::string::npos) << read_all(doc);
  const CommandResult unknown = run("fix --rule nosuch/rule " + args);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("nosuch/rule"), std::string::npos);
}

TEST_F(FixCommand, KeepsModeBomAndLineEndings) {
  const fs::path doc = write("crlf.en.txt", "\xEF\xBB\xBFThe the first line.\r\nA second，line.\r\n");
  fs::permissions(doc, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  ASSERT_EQ(run("fix --lang en " + doc.string()).exit_code, 0);
  EXPECT_EQ(read_all(doc), "\xEF\xBB\xBFThe first line.\r\nA second, line.\r\n");
  EXPECT_EQ(fs::status(doc).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // No temporary file is left beside it.
  for (const auto& entry : fs::directory_iterator(dir_)) EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
}

TEST_F(FixCommand, AFileChangedOnDiskSinceItWasReadIsNotWritten) {
  // The second file of the pair is a link to the first: once the first is
  // fixed, the second is no longer what was read.
  const fs::path doc = write("same.en.txt", "The the cells need rest.\n");
  fs::create_symlink(doc, dir_ / "link.en.txt");
  const CommandResult r =
      run("fix --source-lang en --target-lang en " + doc.string() + " " + (dir_ / "link.en.txt").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("link.en.txt: changed on disk since it was read; not written"), std::string::npos) << r.err;
  EXPECT_EQ(read_all(doc), "The cells need rest.\n");
}

// In a translation file only the translation is fixed: the msgid is the key
// the program looks the message up by. The file is written once, and a
// second fix changes nothing.
TEST_F(FixCommand, InAPoFileOnlyTheTranslationIsFixed) {
  const std::string po =
      "msgid \"\"\nmsgstr \"\"\n\"Language: zh_CN\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgid \"Hello, \\\"world\\\".\"\nmsgstr \"你好,世界。\"\n\n"
      "msgid \"Read the the guide.\"\nmsgstr \"阅读指南。\"\n";
  const fs::path path = write("clinic.po", po);
  const CommandResult r = run("fix " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string expected = po;
  expected.replace(expected.find("你好,世界"), std::string("你好,世界").size(), "你好，世界");
  EXPECT_EQ(read_all(path), expected);
  const CommandResult again = run("fix " + path.string());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_all(path), expected);
}

}  // namespace
}  // namespace tc::test
