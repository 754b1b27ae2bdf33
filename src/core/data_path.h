#pragma once
// Where transcheck's data files (the CC-CEDICT lexicon, shipped glossaries)
// are: beside an installed binary, or in the source tree of a build.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tc {

// The data directory of an installation, relative to the binary:
// PREFIX/bin/transcheck -> PREFIX/share/transcheck. So an installed tree
// works wherever it is copied or unpacked.
std::filesystem::path installed_data_dir(const std::filesystem::path& executable);

// The running program (/proc/self/exe); nullopt where it cannot be told.
std::optional<std::filesystem::path> running_executable();

// Where data files are looked for, in order: the environment variable
// TRANSCHECK_DATA_DIR, the installation the running binary belongs to, the
// data its build made (the lexicon index), the source tree it was built
// from, the install prefix it was configured with.
std::vector<std::filesystem::path> data_search_path();

// The first root / relative that is a regular file.
std::optional<std::string> find_file_in(const std::vector<std::filesystem::path>& roots, std::string_view relative);

}  // namespace tc
