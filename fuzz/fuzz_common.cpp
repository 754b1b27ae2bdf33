#include "fuzz_common.h"

#include <memory>
#include <streambuf>

#include "core/rule.h"

namespace tc::fuzz {
namespace {

class DiscardBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::unique_ptr<Shared> state;

std::unique_ptr<Shared> make_shared_state() {
  auto shared = std::make_unique<Shared>();
  const auto origin = std::make_shared<const std::string>("fuzz");
  shared->glossary.entries = GlossaryEntries({
      {{"化疗"}, "chemotherapy", {"chemo"}, {"chemical therapy"}, "", false, origin, 1},
      {{"骨髓抑制"}, "myelosuppression", {"bone marrow suppression"}, {}, "", false, origin, 2},
      {{"疫苗"}, "vaccine", {}, {"vaccination"}, "", false, origin, 3},
      {{}, "", {}, {"utilize"}, "", false, origin, 4},
  });
  shared->glossary.build_index();
  CheckOptions options;
  options.selection.enable("all");
  options.glossary = &shared->glossary;
  shared->runner = std::make_unique<RuleRunner>(shared->rules, options);
  return shared;
}

}  // namespace

int initialize_shared_state() {
  state = make_shared_state();
  return 0;
}

const Shared& shared_state() { return *state; }

void print_everywhere(const Shared& shared, const JobResult& result) {
  DiscardBuffer buffer;
  std::ostream out(&buffer);
  ReportContext context;
  context.rules = &shared.rules;
  for (const std::string_view format : {"text", "json", "sarif", "github", "junit", "html"}) {
    const auto sink = make_report_sink(format, out, context);
    sink->begin_run();
    sink->job_result(result);
    sink->end_run({});
  }
}

}  // namespace tc::fuzz
