#include <gtest/gtest.h>

#include "core/source.h"

namespace tc {
namespace {

TEST(SourceMap, IsTheIdentityByDefault) {
  const SourceMap map;
  EXPECT_TRUE(map.is_identity());
  EXPECT_EQ(map.file_offset(0), 0u);
  EXPECT_EQ(map.file_offset(1234), 1234u);
}

TEST(SourceMap, ShiftsPastARemovedBom) {
  const SourceMap map = SourceMap::shifted(3);
  EXPECT_EQ(map.file_offset(0), 3u);
  EXPECT_EQ(map.file_offset(10), 13u);
  EXPECT_TRUE(SourceMap::shifted(0).is_identity());
}

TEST(SourceMap, FollowsTheDriftOfEachAnchor) {
  // Text "中a" (3 + 1 bytes) from a file where 中 takes 2 bytes.
  SourceMap map;
  map.add(0, 0);
  map.add(3, 2);
  map.add(4, 3);  // same drift as the anchor before: not stored
  EXPECT_EQ(map.anchor_count(), 1u);
  EXPECT_EQ(map.file_offset(0), 0u);
  EXPECT_EQ(map.file_offset(3), 2u);
  EXPECT_EQ(map.file_offset(4), 3u);
  EXPECT_EQ(map.file_span({3, 4}), (Span{2, 3}));
}

TEST(SourceMap, DroppingAPrefixKeepsTheRestInPlace) {
  SourceMap map;
  map.add(3, 2);  // text bytes 0-2 came from file bytes 0-1
  map.add(6, 4);
  const SourceMap rest = map.without_prefix(3);
  EXPECT_EQ(rest.file_offset(0), 2u);
  EXPECT_EQ(rest.file_offset(3), 4u);
  EXPECT_EQ(rest.file_offset(5), 6u);
}

}  // namespace
}  // namespace tc
