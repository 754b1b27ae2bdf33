#include "rules/encoding/module.h"

#include "rules/encoding/bidi_control.h"
#include "rules/encoding/control_character.h"
#include "rules/encoding/empty_file.h"
#include "rules/encoding/escape_sequence.h"
#include "rules/encoding/html_entity.h"
#include "rules/encoding/invalid_utf8.h"
#include "rules/encoding/legacy_encoding.h"
#include "rules/encoding/not_nfc.h"
#include "rules/encoding/private_use.h"
#include "rules/encoding/replacement_character.h"
#include "rules/encoding/unassigned.h"
#include "rules/encoding/unusual_space.h"
#include "rules/encoding/zero_width.h"
// mojibake rules
#include "rules/encoding/mojibake.h"
#include "rules/encoding/mojibake_cjk.h"

namespace tc {

void register_encoding_rules(RuleList& rules) {
  // File-level and character-level artifacts (everything but mojibake).
  rules.push_back(std::make_unique<EmptyFile>());
  rules.push_back(std::make_unique<InvalidUtf8>());
  rules.push_back(std::make_unique<LegacyEncoding>());
  rules.push_back(std::make_unique<ReplacementCharacter>());
  rules.push_back(std::make_unique<ControlCharacter>());
  rules.push_back(std::make_unique<ZeroWidth>());
  rules.push_back(std::make_unique<BidiControl>());
  rules.push_back(std::make_unique<PrivateUse>());
  rules.push_back(std::make_unique<Unassigned>());
  rules.push_back(std::make_unique<UnusualSpace>());
  rules.push_back(std::make_unique<HtmlEntity>());
  rules.push_back(std::make_unique<EscapeSequence>());
  rules.push_back(std::make_unique<NotNfc>());
  // mojibake rules
  rules.push_back(std::make_unique<Mojibake>());
  rules.push_back(std::make_unique<MojibakeCjk>());
}

}  // namespace tc
