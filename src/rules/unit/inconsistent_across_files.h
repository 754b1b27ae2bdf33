#pragma once
#include "core/rule.h"

namespace tc {

// unit/inconsistent across the translation files of one run: a run-scope
// rule (nothing per job but the keys it keeps).
class InconsistentAcrossFiles final : public Rule {
 public:
  const RuleInfo& info() const override;
  void check(const CheckContext&, FindingSink&) const override {}
  std::shared_ptr<const RunKeys> keep_for_run(const CheckContext& context) const override;
  std::unique_ptr<RunComparer> start_run() const override;
};

}  // namespace tc
