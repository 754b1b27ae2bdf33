#pragma once
// A unified diff of the edits `transcheck fix` would make (--dry-run), built
// from the edits themselves rather than by comparing texts, so it shows
// exactly the changed lines with three lines of context.
#include <ostream>
#include <string_view>
#include <vector>

#include "engine/fixes.h"

namespace tc {

// Writes `--- path`, `+++ path` and the hunks of applying `edits` (file
// bytes, ascending, not overlapping) to `original`; nothing when there are none.
// The diff is for people to read: controls, bidi marks and ill-formed bytes
// of the file are shown escaped as in reports (tabs and line ends stay), so
// a line that holds them does not apply as a patch.
void write_unified_diff(std::ostream& out, std::string_view path, std::string_view original,
                        const std::vector<FileEdit>& edits);

}  // namespace tc
