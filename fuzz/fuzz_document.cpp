// One document, in every format a reader exists for, through every rule and
// every printer. The first byte picks the format and the language.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "core/utf8_validate.h"
#include "formats/load.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return tc::fuzz::initialize_shared_state(); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const tc::fuzz::Shared& shared = tc::fuzz::shared_state();
  static const char* const kNames[] = {"doc.txt", "doc.md", "doc.markdown", "doc.text"};
  const std::uint8_t selector = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  // Every UTF-8 validation path the machine has finds the scalar path's offset.
  const std::size_t expected = tc::utf8::first_invalid_by(bytes, tc::utf8::ValidationPath::scalar);
  for (const auto path : {tc::utf8::ValidationPath::ssse3, tc::utf8::ValidationPath::avx2})
    if (tc::utf8::first_invalid_by(bytes, path) != expected) std::abort();
  tc::LoadOptions options;
  options.language = tc::LanguageTag{selector & 0x10 ? tc::Lang::zh : tc::Lang::en};
  try {
    const tc::Document doc = tc::document_from_bytes(kNames[selector % 4], bytes, options);
    tc::JobResult result = shared.runner->check_document(doc);
    tc::fuzz::print_everywhere(shared, result);
  } catch (const tc::InputError&) {
    // Binary or undecodable input: a clear error is the right outcome.
  }
  return 0;
}
