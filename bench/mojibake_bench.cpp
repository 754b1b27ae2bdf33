// Development set and benchmark of the mojibake rules (issue 14): the
// mojibake Chinese users really meet, and legitimate text that looks odd.
//  (a) recall per mechanism on cases generated from clean text through codec
//      chains with ICU's converters, plus short cases written by us;
//  (b) false alarms on legitimate look-alike lines, alone and mixed into a
//      file that carries mojibake elsewhere;
//  (c) the ftfy dev cases one per file and all in one file;
//  (d) encoding findings on clean Simplified and Traditional text (mac-dev,
//      and its Traditional rendering by ICU's Hans-Hant transliterator);
//  (e) time on huge degenerate inputs at two sizes (growth must stay linear).
// Usage: mojibake_bench [--corpora DIR] [--show]
// DIR defaults to ../shared/corpora beside the source tree; a missing corpus
// is reported as "corpus absent". Clean sentences below are written for this
// benchmark; corpus text is only read, never stored.
#include <nlohmann/json.hpp>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "hans_hant.h"
#include "core/document.h"
#include "core/language.h"
#include "core/utf8.h"
#include "engine/check.h"
#include "formats/load.h"
#include "formats/plain_text.h"
#include "rules/registry.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

// ---------------------------------------------------------------- codecs

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &status));
  if (U_FAILURE(status)) {
    std::cerr << "ICU has no converter " << name << "\n";
    std::exit(2);
  }
  return c;
}

// Text to bytes in a legacy encoding; characters it lacks are skipped (the
// clean text is first filtered so that this does not happen in practice).
std::string encode(const std::string& utf8, const char* encoding, bool* complete = nullptr) {
  Converter c = open_converter(encoding);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_fromUChars(c.get(), out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                    text.length(), &status);
  if (complete) *complete = U_SUCCESS(status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Bytes read in an encoding the way a lenient tool reads them: ICU's
// substitution (U+FFFD, or U+001A in single-byte pages) for a bad sequence.
std::string decode(const std::string& bytes, const char* encoding) {
  Converter c = open_converter(encoding);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), c.get(), status);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string remove_c1(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(text, pos);
    if (cp >= 0x80 && cp <= 0x9F) continue;
    out.append(text, begin, pos - begin);
  }
  return out;
}

// UTF-8 read as GBK by a decoder that writes '?' for a byte it cannot pair
// and goes on with the next byte (Windows, Java), then saved as GBK and read
// back as UTF-8 by a decoder that drops (or replaces) what is malformed.
std::string question_mark_chain(const std::string& utf8_text, bool replace_malformed) {
  std::string gbk_read;
  Converter gbk = open_converter("GBK");
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(gbk.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  for (std::size_t i = 0; i < utf8_text.size();) {
    const auto b = static_cast<unsigned char>(utf8_text[i]);
    if (b < 0x80) {
      gbk_read.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    bool ok = false;
    if (i + 1 < utf8_text.size()) {
      UChar buffer[4];
      status = U_ZERO_ERROR;
      ucnv_reset(gbk.get());
      const int32_t n = ucnv_toUChars(gbk.get(), buffer, 4, utf8_text.data() + i, 2, &status);
      if (U_SUCCESS(status) && n == 1) {
        icu::UnicodeString(buffer, n).toUTF8String(gbk_read);
        i += 2;
        ok = true;
      }
    }
    if (!ok) {
      gbk_read.push_back('?');
      ++i;
    }
  }
  const std::string saved = encode(gbk_read, "GBK");
  // Read back as UTF-8.
  std::string out;
  for (std::size_t pos = 0; pos < saved.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(saved, pos);
    if (cp == utf8::kInvalid) {
      if (replace_malformed) out += "\xEF\xBF\xBD";
      continue;
    }
    out.append(saved, begin, pos - begin);
  }
  return out;
}

std::string to_traditional(const std::string& text) {
  static const std::unique_ptr<icu::Transliterator> hans_hant = bench::hans_hant_transliterator();
  return hans_hant ? bench::to_traditional(*hans_hant, text) : text;
}

// ---------------------------------------------------------------- clean text

// Simplified Chinese written for this benchmark (health articles, software,
// file names, spreadsheet headers).
const std::vector<std::string> kSimplified = {
    "高血压患者应每天测量血压",
    "请在服药前仔细阅读说明书",
    "化疗期间可以适度运动",
    "如果出现发热症状请及时就医",
    "医生建议每周至少运动五次",
    "这个版本修复了登录失败的问题",
    "安装程序无法找到配置文件",
    "用户手册第二章",
    "年度财务报告",
    "会议记录与行动项",
    "疫苗接种后可能出现轻微发热",
    "糖尿病患者需要控制饮食",
    "下载地址已经更新",
    "数据导出失败，请重试",
    "姓名，年龄，性别，联系电话",
    "我们明天上午十点开会",
    "这篇文章介绍了免疫治疗的原理",
    "儿童用药剂量应由医生决定",
    "项目进度表",
    "打开文件时出现乱码",
    "新冠病毒的传播途径",
    "保持室内空气流通",
    "本品为白色片剂",
    "请勿将药品放在儿童能够接触的地方",
    "注意事项",
    "不良反应",
    "中文说明",
    "产品介绍",
};

// Japanese written for this benchmark.
const std::vector<std::string> kJapanese = {
    "ファイルを開くことができません",
    "設定を保存しました",
    "このプログラムは日本語に対応しています",
    "東京都の天気予報",
    "会議の資料を送ります",
    "パスワードを入力してください",
    "ダウンロードが完了しました",
    "新しいバージョンがあります",
    "エラーが発生しました",
    "山田さんの報告書",
    "お問い合わせはこちら",
    "データベースに接続できません",
};

// English with typographic characters, for the Latin-side chains.
const std::vector<std::string> kEnglish = {
    "It’s the patient’s choice — always.",
    "Take 5 µg at 37 °C ± 0.5.",
    "“Résumé” and “café” are borrowed words.",
    "The naïve approach fails…",
};

// Lines of a clean corpus text cut into snippets of 4-18 characters at
// punctuation, for more generated cases.
std::vector<std::string> corpus_snippets(const fs::path& corpora, std::size_t limit) {
  std::vector<std::string> out;
  const fs::path dir = corpora / "mac-dev" / "zh";
  if (!fs::exists(dir)) return out;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && !entry.path().has_extension()) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    std::ifstream in(path);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line) && out.size() < limit) {
      if (++n % 7 != 0) continue;  // spread over the file
      std::string piece;
      std::size_t chars = 0;
      for (std::size_t pos = 0; pos < line.size();) {
        const std::size_t begin = pos;
        const char32_t cp = utf8::next(line, pos);
        const bool cut = cp == U'，' || cp == U'。' || cp == U'；' || cp == U'！' || cp == U'？' || cp == U'：';
        if (!cut && cp >= 0x80) {
          piece.append(line, begin, pos - begin);
          ++chars;
        }
        if (cut || pos == line.size() || chars == 18) {
          if (chars >= 4 && out.size() < limit) out.push_back(piece);
          piece.clear();
          chars = 0;
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- cases

struct Case {
  std::string mechanism;
  std::string text;             // the line as a user meets it
  std::size_t begin = 0, end = 0;  // bytes of the mojibake in text
};

Case make_case(const std::string& mechanism, const std::string& prefix, const std::string& garble,
               const std::string& suffix) {
  Case c;
  c.mechanism = mechanism;
  c.text = prefix + garble + suffix;
  c.begin = prefix.size();
  c.end = prefix.size() + garble.size();
  return c;
}

bool has_non_ascii(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
}

// Contexts the garble is met in: a bug report, a file name, a README link, a
// CSV header, a source comment, a line of its own.
struct Context {
  const char* prefix;
  const char* suffix;
};
const Context kContexts[] = {
    {"", ""}, {"Title: ", ""}, {"File: ", ".docx"}, {"See [", "](docs/readme.md)"}, {"// ", ""}, {"", ",id,2024"},
};

std::vector<Case> generated_cases(const std::vector<std::string>& simplified, const std::vector<std::string>& japanese) {
  std::vector<Case> cases;
  std::size_t k = 0;
  auto context = [&]() -> const Context& { return kContexts[k++ % std::size(kContexts)]; };
  auto add = [&](const std::string& mechanism, const std::string& garble) {
    if (garble.empty() || !has_non_ascii(garble)) return;
    const Context& ctx = context();
    cases.push_back(make_case(mechanism, ctx.prefix, garble, ctx.suffix));
  };
  for (const std::string& s : simplified) {
    add("UTF-8 read as GBK", decode(s, "GBK"));
    const std::string traditional = to_traditional(s);
    bool big5_ok = false;
    const std::string big5 = encode(traditional, "Big5", &big5_ok);
    if (big5_ok) add("Big5 read as GBK", decode(big5, "GBK"));
    bool gbk_ok = false;
    const std::string gbk = encode(s, "GBK", &gbk_ok);
    if (gbk_ok) {
      add("GBK read as Big5", decode(gbk, "Big5"));
      add("GBK read as Big5-HKSCS", decode(gbk, "Big5-HKSCS"));
    }
    add("UTF-8 read as Latin-1, C1 dropped", remove_c1(decode(s, "ISO-8859-1")));
    add("UTF-8 read as Latin-1, C1 kept", decode(s, "ISO-8859-1"));
    // Only runs with an odd number of bytes lose anything.
    const std::string chained = question_mark_chain(s + " ok", false);
    if (chained != s + " ok") add("?-terminated (UTF-8 read as GBK, saved, read back)", chained);
  }
  for (const std::string& s : japanese) {
    bool ok = false;
    const std::string sjis = encode(s, "Shift_JIS", &ok);
    if (ok) add("Shift-JIS read as GBK", decode(sjis, "GBK"));
  }
  for (const std::string& s : kEnglish) {
    add("UTF-8 read as Windows-1252", decode(s, "windows-1252"));
    add("UTF-8 read as Latin-1, C1 dropped", remove_c1(decode(s, "ISO-8859-1")));
  }
  return cases;
}

// Short real-looking cases written for this benchmark: the clean original in
// its context, then the chain that damaged it.
std::vector<Case> short_cases() {
  std::vector<Case> cases;
  auto via = [&](const std::string& mechanism, const std::string& prefix, const std::string& clean,
                 const std::string& suffix, const char* to, const char* from) {
    cases.push_back(make_case(mechanism, prefix, decode(encode(clean, to), from), suffix));
  };
  // Very short fragments: one or two characters.
  via("short fragment", "Room ", "１", " is on the left.", "GBK", "windows-1252");
  via("short fragment", "Total: ", "１２", " items", "GBK", "windows-1252");
  via("short fragment", "Chapter ", "３", "", "GBK", "windows-1252");
  via("short fragment", "Name: ", "中", "", "GBK", "windows-1252");
  via("short fragment", "lang=", "中文", "", "GBK", "windows-1252");
  via("short fragment", "Author: Li ", "明", ", 2021", "UTF-8", "windows-1252");
  via("short fragment", "The price is 5", "％", " off.", "GBK", "windows-1252");
  via("short fragment", "Version ", "２．０", " released", "GBK", "windows-1252");
  via("short fragment", "see note ", "①", " below", "GBK", "windows-1252");
  via("short fragment", "Status: ", "是", "", "UTF-8", "GBK");
  // A UTF-8 BOM read as CP1252 or GBK and left inside the text.
  via("BOM as CP1252", "", "\xEF\xBB\xBF", "id,name,age", "UTF-8", "windows-1252");
  via("BOM as CP1252", "", "\xEF\xBB\xBF", "Title,Author,Year", "UTF-8", "windows-1252");
  via("BOM as CP1252", "", "\xEF\xBB\xBF", "# Project notes", "UTF-8", "windows-1252");
  via("BOM as CP1252", "", "\xEF\xBB\xBF", "姓名,年龄", "UTF-8", "windows-1252");
  cases.push_back(make_case("BOM as GBK", "", decode("\xEF\xBB\xBFid", "GBK"), ",name,age"));
  cases.push_back(make_case("BOM as GBK", "", decode("\xEF\xBB\xBFT", "GBK"), "itle,Author"));
  cases.push_back(make_case("BOM as GBK", "", decode("\xEF\xBB\xBF", "GBK"), "name,value"));
  cases.push_back(make_case("BOM as GBK", "", decode("\xEF\xBB\xBF#", "GBK"), " Notes"));
  return cases;
}

// Legitimate text that looks odd, written for this benchmark. None of it
// may be reported.
const std::vector<std::string> kLegitimate = {
    "├──┬──┐ a │ b ├┤a┼┐ └──┴──┘",
    "╔══════╗\n║ menu ║\n╚══════╝",
    "Let ∀ε>0 ∃δ: |x−a|<δ ⇒ |f(x)−L|<ε; ∑ᵢ xᵢ² ≤ ∫₀¹ f(t) dt, and α ≈ β ± γ.",
    "The angle θ is 45°, so sin θ = √2⁄2 ≈ 0.707; ∂f/∂x ≠ 0.",
    "Он сказал: «Привет, мир!» и ушёл домой.",
    "ПоздравЉење: МилошЋосић и ЈованЂурић објавили су нову књигу.",
    "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας· ΑΘΗΝΑ.",
    "Bună ziua! Școala din București și Țara Românească; ÎNVĂȚĂMÂNT.",
    "Tiếng Việt có dấu: người, được, những, Thượng Hải, Đà Nẵng.",
    "Běijīng, Shànghǎi, Guǎngzhōu and Xī’ān are written in Pinyin; nǚ, lǜ.",
    "The author is 山田はなこ (Yamada Hanako) and her colleague 佐藤ケンジ.",
    "烫伤后要立即用冷水冲洗，不要涂抹牙膏。",
    "他的名字叫王锟，是一位工程师；锟铻是古代的宝剑。",
    "Mojibake such as “Ã©” for “é” or “锟斤拷” appears when a file is decoded with the wrong encoding.",
    "乱码常见的形式有“锟斤拷”和“烫烫烫”，它们来自错误的解码。",
    "Zhōngguó, café, naïve, µg, 37 °C, ±2, © 2024 — “quoted”, ÆØÅ, äöüß.",
    "COVID-19, CD8+ T cells, IL-6, p53, mRNA and TNF-α were measured.",
    "Prices: £12, €15, ¥100, ¢50; ½ cup, ¼ tsp, ¾ lb.",
    "Français : « L’été à Paris, c’est déjà très beau ! » Où est la bibliothèque ?",
    "Deutsch: Die Größe der Straße ist fünf Meter; Äpfel, Öl und Übung.",
    "Polski: Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk — źródło.",
    "日本語のテキストです。ひらがなとカタカナ、漢字を使います。",
    "醫師建議病人多休息，每天至少喝八杯水，避免熬夜和吸煙。",
    "臺灣與香港使用繁體字；澳門也是。",
    "Leaders ········ and »»»» and °±²³ are typography.",
    "Chemical notation: H₂O, CO₂, Ca²⁺, 10⁻⁶ M, Na⁺/K⁺-ATPase.",
    "Wifi name: Café_Ünïcødé; ÅSTRÖM AB; ØRSTED.",
    "鬱鬱蔥蔥的森林裡，龘靐齉爩是罕見字，魑魅魍魉也是。",
};

// ---------------------------------------------------------------- checking

bool is_mojibake_rule(std::string_view id) { return id.rfind("encoding/", 0) == 0 && id.find("mojibake") != std::string_view::npos; }

struct Checker {
  RuleList rules = all_rules();
  CheckOptions options;
  Checker() { options.selection.select = {"encoding"}; }

  // Mojibake findings of one document, as byte spans.
  std::vector<std::pair<std::size_t, std::size_t>> spans(const std::string& text, Lang lang,
                                                         std::vector<std::string>* messages = nullptr) const {
    const Document doc = make_document("case.txt", text, lang, plain_text_reader());
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const Finding& f : check_document(doc, rules, options)) {
      if (!is_mojibake_rule(f.rule)) continue;
      out.emplace_back(f.span.begin, f.span.end);
      if (messages) messages->push_back(f.message);
    }
    return out;
  }
};

Lang lang_of(const std::string& text) {
  const Lang lang = dominant_language(text);
  return lang == Lang::unknown ? Lang::en : lang;
}

bool overlaps(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t begin, std::size_t end) {
  return std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return s.first < end && begin < s.second; });
}

std::string printable(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n') out += "\\n";
    else if (static_cast<unsigned char>(ch) < 0x20) out += '^';
    else out += ch;
  }
  // C1 controls are shown as \u00XX.
  std::string shown;
  for (std::size_t pos = 0; pos < out.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::next(out, pos);
    if (cp >= 0x80 && cp <= 0x9F) {
      char buffer[12];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
      shown += buffer;
    } else {
      shown.append(out, begin, pos - begin);
    }
  }
  return shown;
}

void recall_per_mechanism(const Checker& checker, const std::vector<Case>& cases, bool show) {
  std::map<std::string, std::pair<int, int>> per;  // found, total
  std::vector<std::string> order;
  int found_all = 0, chinese_found = 0, chinese_total = 0;
  for (const Case& c : cases) {
    if (!per.count(c.mechanism)) order.push_back(c.mechanism);
    std::vector<std::string> messages;
    const auto spans = checker.spans(c.text, lang_of(c.text), &messages);
    const bool found = overlaps(spans, c.begin, c.end);
    auto& [found_n, total] = per[c.mechanism];
    ++total;
    if (found) ++found_n, ++found_all;
    const bool latin_side = c.mechanism.find("Windows-1252") != std::string::npos;
    if (!latin_side) {
      ++chinese_total;
      if (found) ++chinese_found;
    }
    if (show && !found) std::cout << "  miss [" << c.mechanism << "] " << printable(c.text) << "\n";
  }
  for (const std::string& m : order) {
    const auto& [found_n, total] = per[m];
    std::printf("  %-52s %3d/%-3d = %5.1f%%\n", m.c_str(), found_n, total, 100.0 * found_n / total);
  }
  std::printf("  %-52s %3d/%-3d = %5.1f%% (target >= 95%%)\n", "all Chinese-side mechanisms", chinese_found,
              chinese_total, 100.0 * chinese_found / std::max(chinese_total, 1));
  std::printf("  %-52s %3d/%-3zu = %5.1f%%\n", "all cases", found_all, cases.size(),
              100.0 * found_all / std::max<std::size_t>(cases.size(), 1));
}

// Lines joined into one file; returns for each line whether a finding overlaps it.
std::vector<bool> lines_with_findings(const Checker& checker, const std::vector<std::string>& lines, Lang lang,
                                      std::vector<std::pair<std::size_t, std::size_t>>* line_spans = nullptr) {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> bounds;
  for (const std::string& line : lines) {
    bounds.emplace_back(text.size(), text.size() + line.size());
    text += line;
    // One line after another, no blank line: the whole file is one
    // paragraph, where context is most tempting.
    text += "\n";
  }
  const auto spans = checker.spans(text, lang);
  std::vector<bool> out;
  for (const auto& [begin, end] : bounds) out.push_back(overlaps(spans, begin, end));
  if (line_spans) *line_spans = bounds;
  return out;
}

void false_alarms(const Checker& checker, const std::vector<Case>& cases, bool show) {
  int alone = 0;
  for (const std::string& line : kLegitimate) {
    std::vector<std::string> messages;
    const bool fired = !checker.spans(line, lang_of(line), &messages).empty();
    if (fired) {
      ++alone;
      if (show) std::cout << "  false alarm (alone): " << printable(line) << "\n    " << messages.front() << "\n";
    }
  }
  // Mixed: every legitimate line between two mojibake lines.
  std::vector<std::string> lines;
  std::vector<bool> legit;
  for (std::size_t i = 0; i < kLegitimate.size(); ++i) {
    lines.push_back(cases[(2 * i) % cases.size()].text);
    legit.push_back(false);
    lines.push_back(kLegitimate[i]);
    legit.push_back(true);
  }
  lines.push_back(cases.back().text);
  legit.push_back(false);
  const std::vector<bool> fired = lines_with_findings(checker, lines, Lang::zh);
  int mixed = 0;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (legit[i] && fired[i]) {
      ++mixed;
      if (show) std::cout << "  false alarm (mixed): " << printable(lines[i]) << "\n";
    }
  std::printf("  legitimate look-alike lines alone: %d/%zu with a finding (target <= 1 in 28)\n", alone,
              kLegitimate.size());
  std::printf("  the same lines mixed into a file with mojibake: %d/%zu with a finding (target <= 1 in 28)\n", mixed,
              kLegitimate.size());
}

void ftfy_cases(const Checker& checker, const fs::path& corpora, bool show) {
  const fs::path path = corpora / "ftfy-cases" / "dev.jsonl";
  std::cout << "== (c) ftfy dev cases " << path.string() << "\n";
  if (!fs::exists(path)) {
    std::cout << "  corpus absent\n";
    return;
  }
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> texts, ids;
  std::vector<bool> changed;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) continue;
    std::string original = record.value("original", "");
    // One case per line in the mixed file: a case's own line breaks become spaces.
    std::replace(original.begin(), original.end(), '\n', ' ');
    texts.push_back(original);
    ids.push_back(record.value("id", "?"));
    changed.push_back(record.value("encoding_changed", false));
  }
  int positives = 0, found = 0, negatives = 0, alarms = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const bool fired = !checker.spans(texts[i], Lang::en).empty();
    if (changed[i]) {
      ++positives;
      if (fired) ++found;
      else if (show) std::cout << "  miss (one per file): " << ids[i] << "\n";
    } else {
      ++negatives;
      std::vector<std::string> messages;
      if (!checker.spans(texts[i], Lang::en, &messages).empty()) {
        ++alarms;
        if (show) std::cout << "  false alarm (one per file): " << ids[i] << " " << printable(texts[i]) << "\n    " << messages.front() << "\n";
      }
    }
  }
  std::printf("  one case per file: recall %d/%d = %.1f%%, false alarms %d/%d\n", found, positives,
              100.0 * found / std::max(positives, 1), alarms, negatives);
  const std::vector<bool> fired = lines_with_findings(checker, texts, Lang::en);
  int mixed_found = 0, mixed_alarms = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (changed[i] && fired[i]) ++mixed_found;
    if (!changed[i] && fired[i]) {
      ++mixed_alarms;
      if (show) std::cout << "  false alarm (one file): " << ids[i] << "\n";
    }
  }
  std::printf("  all cases in one file: recall %d/%d = %.1f%%, false alarms %d/%d\n", mixed_found, positives,
              100.0 * mixed_found / std::max(positives, 1), mixed_alarms, negatives);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void clean_text(const Checker& checker, const fs::path& corpora, bool show) {
  const fs::path root = corpora / "mac-dev";
  std::cout << "== (d) encoding findings on clean text " << root.string() << " (zh, en, zh as Traditional)\n";
  if (!fs::exists(root)) {
    std::cout << "  corpus absent\n";
    return;
  }
  RuleList rules = all_rules();
  CheckOptions options;
  options.selection.select = {"encoding"};
  int files = 0;
  std::map<std::string, int> findings;
  for (const char* side : {"zh", "en", "zh-Hant"}) {
    const bool traditional = std::string(side) == "zh-Hant";
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(root / (traditional ? "zh" : side)))
      if (entry.is_regular_file() && !entry.path().has_extension()) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      std::string text = read_file(path);
      if (traditional) text = to_traditional(text);
      const Lang lang = std::string(side) == "en" ? Lang::en : Lang::zh;
      const Document doc = make_document(path.string(), text, lang, plain_text_reader());
      ++files;
      int& n = findings[side];
      for (const Finding& f : check_document(doc, rules, options)) {
        if (f.rule.rfind("encoding/", 0) != 0) continue;
        ++n;
        if (show) std::cout << "  " << side << " " << path.filename().string() << ": " << f.message << "\n";
      }
    }
  }
  std::printf("  %d files; encoding findings zh %d, en %d, zh rendered Traditional %d (target 0)\n", files,
              findings["zh"], findings["en"], findings["zh-Hant"]);
}

// CPU time of the process (a long document's rules run on threads of their
// own, one at a time: engine/check.cpp).
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

void huge_inputs(const Checker& checker) {
  std::cout << "== (e) huge degenerate inputs, mojibake rules only (CPU time at two sizes a factor 4 apart)\n";
  CheckOptions options;
  options.selection.select = {"encoding/mojibake", "encoding/mojibake-cjk"};
  struct Pattern {
    const char* name;
    std::string unit;
  };
  const Pattern patterns[] = {
      {"锟斤拷 run", "锟斤拷"},
      {"C1-heavy double-encoded text", "Ã¢â‚¬Â\u009d \u0080\u0081Ã\u0083Â©"},
      {"?-terminated runs", "鎴戜滑?"},
      {"Big5/GBK look-alike run", "いゅ炳砰"},
      {"one line of £±", "£±"},
  };
  for (const Pattern& p : patterns) {
    double times[2] = {0, 0};
    std::size_t sizes[2] = {2u << 20, 8u << 20};
    for (int k = 0; k < 2; ++k) {
      std::string text;
      text.reserve(sizes[k] + p.unit.size());
      while (text.size() < sizes[k]) text += p.unit;
      const Document doc = make_document("huge.txt", std::move(text), Lang::zh, plain_text_reader());
      const double start = cpu_seconds();
      (void)check_document(doc, checker.rules, options);
      times[k] = cpu_seconds() - start;
    }
    std::printf("  %-30s 2 MB %.2f s, 8 MB %.2f s, growth x%.1f (linear: ~4)\n", p.name, times[0], times[1],
                times[1] / std::max(times[0], 1e-6));
  }
}

fs::path default_corpora() {
  // ../shared/corpora from the repository root: from the working directory
  // when run from the root, else from the executable in build/.
  if (fs::exists("../shared/corpora")) return "../shared/corpora";
  std::error_code error;
  const fs::path exe = fs::canonical("/proc/self/exe", error);
  return error ? fs::path("../shared/corpora") : exe.parent_path().parent_path().parent_path() / "shared" / "corpora";
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = default_corpora();
  bool show = false, huge = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--show") show = true;
    else if (arg == "--no-huge") huge = false;
    else {
      std::cerr << "usage: mojibake_bench [--corpora DIR] [--show] [--no-huge]\n";
      return 2;
    }
  }
  const Checker checker;
  std::vector<std::string> simplified = kSimplified;
  const std::vector<std::string> snippets = corpus_snippets(corpora, 60);
  std::cout << "== (a) recall per mechanism: " << kSimplified.size() << " written sentences"
            << (snippets.empty() ? " (mac-dev corpus absent: no snippets)" : " + " + std::to_string(snippets.size()) +
                                                                                " mac-dev snippets")
            << ", " << kJapanese.size() << " Japanese, through ICU codec chains; plus short written cases\n";
  simplified.insert(simplified.end(), snippets.begin(), snippets.end());
  std::vector<Case> cases = generated_cases(simplified, kJapanese);
  const std::vector<Case> written = short_cases();
  cases.insert(cases.end(), written.begin(), written.end());
  recall_per_mechanism(checker, cases, show);
  std::cout << "== (b) false alarms on legitimate look-alike text\n";
  false_alarms(checker, cases, show);
  ftfy_cases(checker, corpora, show);
  clean_text(checker, corpora, show);
  if (huge) huge_inputs(checker);
  return 0;
}
