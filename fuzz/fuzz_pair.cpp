// A translation pair through alignment, every rule and every printer. The
// input is SOURCE, a NUL byte, TARGET; the first byte picks the formats and
// the direction.
#include <cstddef>
#include <cstdint>
#include <string>
#include <sstream>
#include <string_view>

#include "core/error.h"
#include "formats/load.h"
#include "fuzz_common.h"
#include "report/alignment_printers.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return tc::fuzz::initialize_shared_state(); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const tc::fuzz::Shared& shared = tc::fuzz::shared_state();
  const std::uint8_t selector = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t split = input.find('\0');
  const std::string_view first = input.substr(0, split);
  const std::string_view second = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
  const bool zh_source = !(selector & 1);
  const char* extension = selector & 2 ? ".md" : ".txt";
  tc::LoadOptions source_options, target_options;
  source_options.language = tc::LanguageTag{zh_source ? tc::Lang::zh : tc::Lang::en};
  target_options.language = tc::LanguageTag{zh_source ? tc::Lang::en : tc::Lang::zh};
  try {
    const tc::Document source = tc::document_from_bytes(std::string("source") + extension, std::string(first), source_options);
    const tc::Document target = tc::document_from_bytes(std::string("target") + extension, std::string(second), target_options);
    tc::JobResult result = shared.runner->check_pair(source, target, true);
    tc::fuzz::print_everywhere(shared, result);
    if (result.alignment) {
      std::ostringstream out;
      for (const char* format : {"text", "json", "tsv", "beads"}) tc::print_alignment(format, out, source, target, *result.alignment);
    }
  } catch (const tc::InputError&) {
  }
  return 0;
}
