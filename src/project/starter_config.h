#pragma once
// The commented transcheck.toml that `transcheck init` writes.
#include <string_view>

namespace tc {

// A valid config: source-lang, target-lang and an empty [rules] are set; every
// other key is shown as an example on a line of its own starting with `#`
// directly followed by the TOML, so removing that `#` enables it. Prose
// comments start with `# `.
std::string_view starter_config_text();

}  // namespace tc
