#pragma once
// What the libFuzzer harnesses share: the rules, a glossary and the report
// formats, built once in LLVMFuzzerInitialize; and a way to run every
// printer over a job result without keeping its output.
#include <memory>
#include <ostream>
#include <string_view>

#include "engine/check.h"
#include "glossary/glossary.h"
#include "report/printers.h"
#include "rules/registry.h"

namespace tc::fuzz {

struct Shared {
  RuleList rules = all_rules();
  Glossary glossary;
  std::unique_ptr<RuleRunner> runner;
};

// Builds the shared state once: everything on, with a small medical glossary.
// A harness's LLVMFuzzerInitialize returns this (libFuzzer's entry points
// take no context, so the state lives in fuzz_common.cpp).
int initialize_shared_state();
// The state initialize_shared_state built.
const Shared& shared_state();

// Every report format over result, to a stream that discards its output.
void print_everywhere(const Shared& shared, const JobResult& result);

}  // namespace tc::fuzz
