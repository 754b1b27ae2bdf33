// A translation file (PO, XLIFF, TMX) or a pair of JSON message catalogs
// paired by key, through every rule and every printer. The first byte picks
// the format; a JSON pair is SOURCE, a NUL byte, TARGET.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "formats/load.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return tc::fuzz::initialize_shared_state(); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const tc::fuzz::Shared& shared = tc::fuzz::shared_state();
  static const char* const kNames[] = {"file.po", "file.xlf", "file.xliff", "file.tmx", "catalog.json"};
  const char* name = kNames[data[0] % std::size(kNames)];
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  tc::BitextLoadOptions options;
  try {
    tc::Bitext bitext;
    if (std::string_view(name).ends_with(".json")) {
      const std::size_t split = input.find('\0');
      const std::string_view source = input.substr(0, split);
      const std::string_view target = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
      bitext = tc::keyed_pair_from_bytes("zh.json", std::string(source), "en.json", std::string(target), options);
    } else {
      bitext = tc::bitext_from_bytes(name, std::string(input), options);
    }
    tc::JobResult result = shared.runner->check_bitext(bitext.source, bitext.target, bitext.units);
    tc::fuzz::print_everywhere(shared, result);
  } catch (const tc::InputError&) {
    // Malformed or undecodable file: an error naming the place is the right outcome.
  }
  return 0;
}
