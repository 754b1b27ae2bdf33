// Alignment cost against length on real text: all MAC-Dev chapters in one
// pair, that pair twice and four times over, and lopsided pairs whose sides
// are cut at different points. Prints CPU time and memory per case, the ratio
// to the case half as long, and, as a reference measured in the same run, the
// cost of segmenting the same pair (a linear pass) and hunalign when it is
// installed. Each case runs in a child process so that its peak memory is its own.
// Besides the process's peak resident memory (which counts the pages of the
// mapped lexicon the text touches), the bench counts the heap the alignment
// itself holds at its peak (operator new replaced below), and its ratio to the
// bytes of the two texts.
// Reads ../shared/corpora beside the source tree (or --corpora DIR, or
// $TRANSCHECK_CORPORA); says so when absent.
//   align_scaling_bench [--corpora DIR] [--max-copies 4] [--case TEXT]
// --case: only the cases whose name contains TEXT (to profile one).
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <new>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "align/align.h"
#include "align/lexicon.h"
#include "formats/load.h"
#include "segment/segment.h"

namespace fs = std::filesystem;
using namespace tc;

namespace {

// Heap bytes held now and at most since the last reset_heap_peak (glibc's
// usable size of each block, counted when it is allocated and when freed).
std::atomic<std::size_t> heap_now{0};
std::atomic<std::size_t> heap_peak{0};

void* counted(void* block) {
  if (!block) throw std::bad_alloc();
  const std::size_t now = heap_now.fetch_add(malloc_usable_size(block)) + malloc_usable_size(block);
  std::size_t peak = heap_peak.load();
  while (now > peak && !heap_peak.compare_exchange_weak(peak, now)) {
  }
  return block;
}

void uncounted(void* block) {
  if (!block) return;
  heap_now.fetch_sub(malloc_usable_size(block));
  std::free(block);
}

std::size_t reset_heap_peak() {
  heap_peak.store(heap_now.load());
  return heap_now.load();
}

}  // namespace

void* operator new(std::size_t size) { return counted(std::malloc(size ? size : 1)); }
void* operator new[](std::size_t size) { return counted(std::malloc(size ? size : 1)); }
void* operator new(std::size_t size, std::align_val_t align) {
  const auto alignment = static_cast<std::size_t>(align);
  return counted(std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment));
}
void* operator new[](std::size_t size, std::align_val_t align) { return operator new(size, align); }
void operator delete(void* block) noexcept { uncounted(block); }
void operator delete[](void* block) noexcept { uncounted(block); }
void operator delete(void* block, std::size_t) noexcept { uncounted(block); }
void operator delete[](void* block, std::size_t) noexcept { uncounted(block); }
void operator delete(void* block, std::align_val_t) noexcept { uncounted(block); }
void operator delete[](void* block, std::align_val_t) noexcept { uncounted(block); }
void operator delete(void* block, std::size_t, std::align_val_t) noexcept { uncounted(block); }
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept { uncounted(block); }

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

double cpu_seconds(const rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return cpu_seconds(usage);
}

// Resident memory now, in MB (from /proc; 0 where there is none).
double resident_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
}

// The first `share` of a text, cut at a line end.
std::string head(const std::string& text, double share) {
  std::size_t at = static_cast<std::size_t>(static_cast<double>(text.size()) * share);
  at = text.find('\n', at);
  return at == std::string::npos ? text : text.substr(0, at + 1);
}

// The text from `share` of the way on, cut at a line start.
std::string tail(const std::string& text, double share) {
  std::size_t at = static_cast<std::size_t>(static_cast<double>(text.size()) * share);
  at = text.find('\n', at);
  return at == std::string::npos ? std::string() : text.substr(at + 1);
}

std::string repeat(const std::string& text, int copies) {
  std::string out;
  for (int k = 0; k < copies; ++k) out += text;
  return out;
}

struct Case {
  std::string name;
  std::string zh, en;
};

struct Measure {
  double align_cpu = 0;    // alignment alone
  double segment_cpu = 0;  // segmenting both sides (the linear reference)
  double before_mb = 0;    // resident before aligning (lexicon and texts loaded)
  double peak_mb = 0;      // peak of the child process
  double heap_mb = 0;      // heap the alignment held at its peak, above what was held before
  std::size_t zh_sentences = 0, en_sentences = 0, beads = 0;
};

// Runs one case in a child process; false when the child failed.
bool measure(const Case& pair, Measure& out) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) return false;
  const pid_t child = fork();
  if (child < 0) return false;
  if (child == 0) {
    close(pipe_ends[0]);
    Measure m;
    const Lexicon& lexicon = default_lexicon();
    LoadOptions zh_options, en_options;
    zh_options.language = parse_language("zh");
    en_options.language = parse_language("en");
    const Document zh = document_from_bytes(pair.name + ".zh", pair.zh, zh_options);
    const Document en = document_from_bytes(pair.name + ".en", pair.en, en_options);
    double start = cpu_seconds();
    auto zh_sentences = segment_document(zh);
    auto en_sentences = segment_document(en);
    m.segment_cpu = cpu_seconds() - start;
    m.zh_sentences = zh_sentences.size();
    m.en_sentences = en_sentences.size();
    m.before_mb = resident_mb();
    AlignOptions options;
    options.lexicon = &lexicon;
    start = cpu_seconds();
    const std::size_t heap_before = reset_heap_peak();
    const Alignment alignment = align_sentences(zh, std::move(zh_sentences), en, std::move(en_sentences), options);
    m.align_cpu = cpu_seconds() - start;
    m.heap_mb = static_cast<double>(heap_peak.load() - heap_before) / 1e6;
    m.beads = alignment.beads.size();
    const ssize_t written = write(pipe_ends[1], &m, sizeof m);
    _exit(written == static_cast<ssize_t>(sizeof m) ? 0 : 1);
  }
  close(pipe_ends[1]);
  Measure m;
  const ssize_t got = read(pipe_ends[0], &m, sizeof m);
  close(pipe_ends[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (got != static_cast<ssize_t>(sizeof m) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return false;
  m.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  out = m;
  return true;
}

// hunalign on the same pair, with an empty dictionary (length-based, as it
// runs without one), when it is installed: CPU seconds, or a negative value.
double hunalign_seconds(const Case& pair) {
  if (std::system("command -v hunalign >/dev/null 2>&1") != 0) return -1;
  const fs::path dir = fs::temp_directory_path() / ("align_scaling_bench." + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "zh.txt") << pair.zh;
  std::ofstream(dir / "en.txt") << pair.en;
  std::ofstream(dir / "empty.dic");
  const std::string command = "hunalign " + (dir / "empty.dic").string() + " " + (dir / "zh.txt").string() + " " +
                              (dir / "en.txt").string() + " >/dev/null 2>&1";
  rusage before{}, after{};
  getrusage(RUSAGE_CHILDREN, &before);
  const int status = std::system(command.c_str());
  getrusage(RUSAGE_CHILDREN, &after);
  fs::remove_all(dir);
  return status == 0 ? cpu_seconds(after) - cpu_seconds(before) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpora = fs::path(TRANSCHECK_SOURCE_DIR) / ".." / "shared" / "corpora";
  if (const char* env = std::getenv("TRANSCHECK_CORPORA")) corpora = env;
  int max_copies = 4;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpora" && i + 1 < argc) corpora = argv[++i];
    else if (arg == "--max-copies" && i + 1 < argc) max_copies = std::atoi(argv[++i]);
    else if (arg == "--case" && i + 1 < argc) only = argv[++i];
  }
  const fs::path dir = corpora / "mac-dev";
  if (!fs::is_directory(dir)) {
    std::printf("align_scaling_bench: MAC-Dev not found at %s, skipped\n", dir.c_str());
    return 0;
  }
  // All chapters in one pair, one sentence per line as the corpus gives them.
  std::string zh, en;
  for (int chapter = 1; chapter <= 99; ++chapter) {
    char name[8];
    std::snprintf(name, sizeof name, "%03d", chapter);
    if (!fs::exists(dir / "zh" / name) || !fs::exists(dir / "en" / name)) break;
    zh += read_all(dir / "zh" / name);
    en += read_all(dir / "en" / name);
  }
  const bool hunalign = std::system("command -v hunalign >/dev/null 2>&1") == 0;
  if (!hunalign) std::printf("hunalign: not installed, no hunalign reference\n");
  std::vector<Case> cases;
  for (int copies = 1; copies <= max_copies; copies *= 2)
    cases.push_back({"matched x" + std::to_string(copies), repeat(zh, copies), repeat(en, copies)});
  // Lopsided, from the x2 pair: one side cut short at the end, or both cut at
  // different points (the Chinese starts later and the English ends earlier).
  if (max_copies >= 2) {
    const std::string zh2 = repeat(zh, 2), en2 = repeat(en, 2);
    cases.push_back({"lopsided x2: zh 70%", head(zh2, 0.7), en2});
    cases.push_back({"lopsided x2: zh 20%-100%, en 0-75%", tail(zh2, 0.2), head(en2, 0.75)});
  }
  std::printf("%-36s %7s %7s %9s %8s %7s %8s %9s %9s %8s %6s %9s\n", "case", "zh KB", "en KB", "sentences", "align s",
              "ratio", "seg s", "peak MB", "align MB", "heap MB", "x text", "hunalign");
  double previous = 0;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const Case& pair = cases[k];
    if (pair.name.find(only) == std::string::npos) continue;
    Measure m;
    if (!measure(pair, m)) {
      std::printf("%-36s failed\n", pair.name.c_str());
      continue;
    }
    const bool matched = pair.name.rfind("matched", 0) == 0;
    char ratio[16] = "";
    if (matched && previous > 0) std::snprintf(ratio, sizeof ratio, "x%.2f", m.align_cpu / previous);
    if (matched) previous = m.align_cpu;
    char reference[16] = "-";
    if (hunalign) {
      const double seconds = hunalign_seconds(pair);
      if (seconds >= 0) std::snprintf(reference, sizeof reference, "%.2f s", seconds);
      else std::snprintf(reference, sizeof reference, "failed");
    }
    const std::string sentences = std::to_string(m.zh_sentences) + "/" + std::to_string(m.en_sentences);
    const double text_mb = static_cast<double>(pair.zh.size() + pair.en.size()) / 1e6;
    std::printf("%-36s %7.0f %7.0f %9s %8.2f %7s %8.3f %9.0f %9.0f %8.2f %6.2f %9s\n", pair.name.c_str(),
                static_cast<double>(pair.zh.size()) / 1e3, static_cast<double>(pair.en.size()) / 1e3, sentences.c_str(),
                m.align_cpu, ratio, m.segment_cpu, m.peak_mb, m.peak_mb - m.before_mb, m.heap_mb,
                text_mb > 0 ? m.heap_mb / text_mb : 0.0, reference);
  }
  std::printf("align s: CPU seconds of the alignment alone; ratio: to the matched case half as long (target <= x2.2);\n"
              "seg s: CPU seconds segmenting both sides (a linear pass, for scale); align MB: peak memory above\n"
              "what the process held before aligning (lexicon mapped and texts loaded; the lexicon's pages the text\n"
              "touches count here); heap MB: heap the alignment held at its peak; x text: that per MB of the two texts\n");
  return 0;
}
