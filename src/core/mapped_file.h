#pragma once
// A read-only file mapped into memory: data files built for fast start-up
// (the lexicon index) are used in place, and only the pages a run touches
// are ever read from disk.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace tc {

class MappedFile {
 public:
  // Throws InputError naming the file when it cannot be opened or mapped.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const char* data() const { return static_cast<const char*>(data_); }
  std::size_t size() const { return size_; }
  std::string_view bytes() const { return {data(), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace tc
