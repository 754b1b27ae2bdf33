#include "core/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <new>

namespace tc {
namespace {

TEST(AllocateArray, NoValuesNoMemory) { EXPECT_EQ(allocate_array<std::uint64_t>(0), nullptr); }

TEST(AllocateArray, HoldsWhatIsWrittenSmallAndLarge) {
  for (const std::size_t n : {std::size_t{1}, std::size_t{1000}, kHugePageBytes / 8 + 3}) {
    MallocArray<std::uint64_t> values = allocate_array<std::uint64_t>(n);
    ASSERT_NE(values, nullptr);
    for (std::size_t i = 0; i < n; ++i) values[i] = i * 7;
    EXPECT_EQ(values[0], 0u);
    EXPECT_EQ(values[n - 1], (n - 1) * 7);
  }
}

#if defined(__linux__) && defined(MADV_HUGEPAGE)
// An array of 2 MB or more starts on a huge page's boundary, where the kernel
// can back it with huge pages; a small one does not ask for that alignment.
TEST(AllocateArray, LargeArrayAlignedToHugePages) {
  const MallocArray<std::uint32_t> large = allocate_array<std::uint32_t>(kHugePageBytes / 4);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(large.get()) % kHugePageBytes, 0u);
}
#endif

TEST(AllocateArray, SizeBeyondAddressSpaceRefused) {
  EXPECT_THROW(allocate_array<std::uint64_t>(std::numeric_limits<std::size_t>::max() / 4), std::bad_alloc);
}

}  // namespace
}  // namespace tc
