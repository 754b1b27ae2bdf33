#pragma once
// Helpers shared by the tests: build documents from text in memory and run
// one rule the way `transcheck check --enable RULE` would, returning the
// text report's headlines.
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "align/align.h"
#include "core/alignment.h"
#include "core/document.h"
#include "core/finding.h"
#include "core/settings.h"

namespace tc::test {

// Decodes \u{HHHH} (a code point) and \x{HH} (a raw byte) in test text.
std::string unescape(std::string_view text);

Document make_doc(std::string text, Lang lang, std::string path = "doc.txt");

struct RuleRun {
  std::vector<Finding> findings;
  std::vector<std::string> headlines;
};

// Runs only rule_id on doc.
std::vector<std::string> run_rule(const std::string& rule_id, const Document& doc, const Settings& settings = {});
// Runs only rule_id on a source/target pair.
std::vector<std::string> run_pair_rule(const std::string& rule_id, const Document& source, const Document& target,
                                       const Settings& settings = {});
// Same, returning findings (for checking fixes and counterparts).
std::vector<Finding> findings_of(const std::string& rule_id, const Document& doc, const Settings& settings = {});

// piece, times times over (hostile inputs).
std::string repeat(std::string_view piece, std::size_t times);

// The last `count` beads of an alignment (all by default) as "[i,j]:[k]"
// strings, like the gold files.
std::vector<std::string> bead_strings(const Alignment& alignment, std::size_t count = static_cast<std::size_t>(-1));

// The target sentences of each bead when a Chinese text (source) and an
// English one (target), one sentence a line, are aligned with options.
using BeadTargets = std::vector<std::vector<std::size_t>>;
BeadTargets bead_targets(const std::string& zh, const std::string& en, const AlignOptions& options);

// `count` pieces drawn at random from `pieces`, one after another (text for
// comparing a fast scan with a plain one).
std::string random_text(std::mt19937& rng, std::size_t count, const std::vector<std::string>& pieces);

// `text` with up to `most_spans` spans of 1 to `longest_span` bytes masked
// (kMaskByte): whole code points when `aligned`, otherwise from a byte
// inside one, which a scan must notice. Empty when nothing was masked.
std::string random_mask(const std::string& text, std::mt19937& rng, bool aligned, std::size_t most_spans,
                        std::size_t longest_span);

// Path of a file in the source tree.
std::string source_path(const std::string& relative);

}  // namespace tc::test
