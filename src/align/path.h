#pragma once
#include <cstdint>
#include <vector>

#include "core/alignment.h"

namespace tc {

// A monotone path of beads over consecutive units, every unit in one bead,
// held as each bead's number of units on each side: 8 bytes a bead, where a
// Bead's two vectors of indices took over a hundred (a search near a path
// held it through the search, the path of a pair of short sentences as much
// as its back pointers).
struct PathStep {
  std::uint32_t zh = 0, en = 0;
};
using Path = std::vector<PathStep>;
// The path of beads of consecutive units from the start (an alignment's beads).
Path path_of(const std::vector<Bead>& beads);

}  // namespace tc
