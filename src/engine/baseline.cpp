#include "engine/baseline.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "formats/reader.h"

namespace tc {

Baseline parse_baseline(std::string_view text, const std::string& path) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("findings") || !json["findings"].is_array())
    throw InputError(path, "is not a transcheck baseline (expected JSON with a \"findings\" array, as --write-baseline writes)");
  Baseline baseline;
  for (const auto& entry : json["findings"]) {
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string())
      throw InputError(path, "a baseline entry has no \"fingerprint\" string");
    baseline.fingerprints.insert(entry["fingerprint"].get<std::string>());
  }
  return baseline;
}

Baseline load_baseline(const std::string& path) { return parse_baseline(read_file_bytes(path), path); }

void BaselineWriter::add(const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    // A count of left-out findings is never baselined (drop_baselined keeps it).
    if (!f.counts_omitted()) entries_.push_back({f.fingerprint, f.rule, f.document ? f.document->stable_path() : std::string(), f.message});
}

void BaselineWriter::write(std::ostream& out) const {
  nlohmann::ordered_json json;
  json["version"] = 1;
  json["findings"] = nlohmann::ordered_json::array();
  for (const Entry& e : entries_)
    json["findings"].push_back({{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"path", e.path}, {"message", e.message}});
  // A path or message with ill-formed UTF-8 (a file named so, text quoted)
  // must not abort the write; entries match by fingerprint.
  out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

std::size_t count_fixed(const Baseline& baseline, const std::set<std::string>& matched) {
  std::size_t fixed = 0;
  for (const std::string& fingerprint : baseline.fingerprints)
    if (!matched.count(fingerprint)) ++fixed;
  return fixed;
}

}  // namespace tc
