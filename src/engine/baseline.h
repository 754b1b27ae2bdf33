#pragma once
// A baseline: the fingerprints of findings a project has accepted for now,
// so CI fails only on new ones. Written by `--write-baseline FILE`, read by
// `--baseline FILE`. The file is JSON:
//   {"version": 1, "findings": [{"fingerprint": "...", "rule": "...", "path": "...", "message": "..."}, ...]}
// Only "fingerprint" is read back; the rest is there for people reviewing it.
#include <cstddef>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace tc {

struct Baseline {
  std::multiset<std::string> fingerprints;
  bool contains(const std::string& fingerprint) const { return fingerprints.count(fingerprint) > 0; }
};

// Parses a baseline file's text; InputError naming path when it is not one.
Baseline parse_baseline(std::string_view text, const std::string& path);
// Reads and parses; InputError when it cannot be read.
Baseline load_baseline(const std::string& path);

// Collects findings one job at a time and writes the baseline file.
class BaselineWriter {
 public:
  void add(const std::vector<Finding>& findings);
  void write(std::ostream& out) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string fingerprint, rule, path, message;
  };
  std::vector<Entry> entries_;
};

// How many baseline entries no finding of the run matched (fixed since).
std::size_t count_fixed(const Baseline& baseline, const std::set<std::string>& matched);

}  // namespace tc
