#include "formats/load.h"
#include "support/test_support.h"

#include <algorithm>
#include <cstdlib>

#include "core/utf8.h"
#include "engine/check.h"
#include "report/printers.h"
#include "rules/registry.h"

namespace tc::test {

std::string unescape(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\\' && i + 3 < text.size() && (text[i + 1] == 'u' || text[i + 1] == 'x') && text[i + 2] == '{') {
      const std::size_t close = text.find('}', i + 3);
      if (close != std::string_view::npos) {
        const unsigned long value = std::strtoul(std::string(text.substr(i + 3, close - i - 3)).c_str(), nullptr, 16);
        if (text[i + 1] == 'u') utf8::append(out, static_cast<char32_t>(value));
        else out += static_cast<char>(value);
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

Document make_doc(std::string text, Lang lang, std::string path) {
  return make_document(std::move(path), std::move(text), lang);
}

namespace {

CheckOptions only(const std::string& rule_id, const Settings& settings) {
  CheckOptions options;
  options.selection.select = {rule_id};
  options.settings = settings;
  options.max_findings_per_rule = 0;  // a rule's tests see every finding it makes
  return options;
}

std::vector<std::string> headlines(const std::vector<Finding>& findings) {
  std::vector<std::string> lines;
  for (const Finding& f : findings) lines.push_back(headline(f));
  return lines;
}

}  // namespace

std::vector<Finding> findings_of(const std::string& rule_id, const Document& doc, const Settings& settings) {
  const RuleList rules = all_rules();
  return check_document(doc, rules, only(rule_id, settings));
}

std::vector<std::string> run_rule(const std::string& rule_id, const Document& doc, const Settings& settings) {
  return headlines(findings_of(rule_id, doc, settings));
}

std::vector<std::string> run_pair_rule(const std::string& rule_id, const Document& source, const Document& target,
                                       const Settings& settings) {
  const RuleList rules = all_rules();
  return headlines(check_pair(source, target, rules, only(rule_id, settings)));
}

std::string random_text(std::mt19937& rng, std::size_t count, const std::vector<std::string>& pieces) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += pieces[rng() % pieces.size()];
  return text;
}

std::string random_mask(const std::string& text, std::mt19937& rng, bool aligned, std::size_t most_spans,
                        std::size_t longest_span) {
  std::string masked = text;
  const std::size_t spans = rng() % (most_spans + 1);
  for (std::size_t s = 0; s < spans && !text.empty(); ++s) {
    std::size_t begin = rng() % text.size();
    std::size_t end = std::min(text.size(), begin + 1 + rng() % longest_span);
    if (aligned) {
      while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    for (std::size_t i = begin; i < end; ++i) masked[i] = kMaskByte;
  }
  return masked == text ? std::string() : masked;
}

std::string source_path(const std::string& relative) { return std::string(TRANSCHECK_SOURCE_DIR) + "/" + relative; }

std::vector<std::string> bead_strings(const Alignment& alignment, std::size_t count) {
  auto list = [](const SentenceRun& ids) {
    std::string s = "[";
    for (std::size_t k = 0; k < ids.size(); ++k) s += (k ? "," : "") + std::to_string(ids[k]);
    return s + "]";
  };
  std::vector<std::string> out;
  const std::size_t size = alignment.beads.size();
  for (std::size_t b = size > count ? size - count : 0; b < size; ++b)
    out.push_back(list(alignment.beads[b].source) + ":" + list(alignment.beads[b].target));
  return out;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

BeadTargets bead_targets(const std::string& zh, const std::string& en, const AlignOptions& options) {
  const Document source = make_doc(zh, Lang::zh, "a.zh.txt");
  const Document target = make_doc(en, Lang::en, "a.en.txt");
  BeadTargets out;
  for (const auto& bead : align_documents(source, target, options).beads) out.push_back(bead.target.indices());
  return out;
}

}  // namespace tc::test
