#include "rules/encoding/module.h"

#include "rules/encoding/empty_file.h"
#include "rules/encoding/invalid_utf8.h"
#include "rules/encoding/legacy_encoding.h"
// mojibake rules
#include "rules/encoding/mojibake.h"
#include "rules/encoding/mojibake_cjk.h"

namespace tc {

void register_encoding_rules(RuleList& rules) {
  rules.push_back(std::make_unique<EmptyFile>());
  rules.push_back(std::make_unique<InvalidUtf8>());
  rules.push_back(std::make_unique<LegacyEncoding>());
  // mojibake rules
  rules.push_back(std::make_unique<Mojibake>());
  rules.push_back(std::make_unique<MojibakeCjk>());
}

}  // namespace tc
