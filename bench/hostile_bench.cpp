// Hostile inputs: for each growth pattern that was once quadratic (or
// worse), runs `transcheck` on a generated input at two sizes a factor of 4
// apart and prints CPU time and peak memory (the child's maximum resident
// set) with their growth ratios. Start-up (loading the lexicon and
// dictionaries) is the same at any size, so each pattern is also run on a
// tiny input and the ratio is of the costs above that: linear work gives
// near 4, quadratic work 16. The reference in the same run is reading a
// plain file of the same sizes with every rule off. "MB tiny" is the fixed
// start-up footprint (the lexicon and dictionaries, partly mapped files whose
// resident pages vary with the page cache). "MB/input" is the memory that
// grows with the input: the peak's growth from the smaller to the larger
// size over the growth of the input (all input files, each counted once), so
// neither start-up nor what is capped (findings past
// --max-findings-per-rule) is counted in it (the goal: a small multiple).
//
// Usage: hostile_bench [path/to/transcheck] [base size in KB, default 64] [row ...]
// Each row argument keeps the rows whose name contains it (and the
// reference, always run): `hostile_bench build/transcheck 1024 mojibake lint`
// runs the mojibake and glossary lint rows only.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Measure {
  double wall = 0;   // s
  double cpu = 0;    // s, user + system of the child
  double peak = 0;   // MB
  double input = 0;  // MB of the input files (each counted once)
  int exit_code = -1;
};

double input_mb(const std::vector<std::string>& args) {
  std::vector<std::string> seen;
  double bytes = 0;
  for (const std::string& a : args) {
    std::error_code error;
    if (std::find(seen.begin(), seen.end(), a) != seen.end() || !std::filesystem::is_regular_file(a, error)) continue;
    seen.push_back(a);
    bytes += static_cast<double>(std::filesystem::file_size(a, error));
  }
  return bytes / (1024 * 1024);
}

Measure run(const std::string& binary, const std::vector<std::string>& args) {
  const auto start = std::chrono::steady_clock::now();
  std::fflush(stdout);  // or the child would write the parent's buffered lines again
  const pid_t child = fork();
  if (child == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  Measure m;
  m.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  m.peak = usage.ru_maxrss / 1024.0;
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.input = input_mb(args);
  return m;
}

std::string repeat(const std::string& piece, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// One growth pattern: writes its inputs for a size in bytes into dir and
// returns the transcheck arguments.
struct Pattern {
  const char* name;
  std::function<std::vector<std::string>(const fs::path& dir, std::size_t bytes)> prepare;
};

std::vector<Pattern> patterns() {
  std::vector<Pattern> list;
  list.push_back({"aligner: headings vs list items", [](const fs::path& dir, std::size_t bytes) {
    std::string zh, en;
    for (std::size_t i = 0; zh.size() < bytes; ++i) zh += "第" + std::to_string(i) + "节 概述\n\n";
    for (std::size_t i = 0; en.size() < bytes; ++i) en += "- item " + std::to_string(i) + "\n";
    write(dir / "h.zh.txt", zh);
    write(dir / "h.en.txt", en);
    return std::vector<std::string>{"check", (dir / "h.zh.txt").string(), (dir / "h.en.txt").string(), "--fail-on", "never"};
  }});
  list.push_back({"aligner: repetitive file against itself", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "r.en.txt", repeat("The vaccine is safe. It works well.\n", bytes));
    return std::vector<std::string>{"align", "--source-lang", "en", "--target-lang", "en", (dir / "r.en.txt").string(),
                                    (dir / "r.en.txt").string()};
  }});
  list.push_back({"aligner: repetitive zh against short en lines", [](const fs::path& dir, std::size_t bytes) {
    // Every sentence of each side alike, three English ones per Chinese one:
    // countless paths score the same.
    write(dir / "p.zh.txt", repeat("疫苗是安全的。它效果很好。\n", bytes));
    write(dir / "p.en.txt", repeat("Safe.\n", bytes));
    return std::vector<std::string>{"align", (dir / "p.zh.txt").string(), (dir / "p.en.txt").string()};
  }});
  list.push_back({"number-mismatch: pair full of numbers", [](const fs::path& dir, std::size_t bytes) {
    std::string zh = "数据：", en = "Data: ";
    for (std::size_t i = 0; zh.size() < bytes; ++i) {
      zh += std::to_string(i * 7 % 100003) + "，";
      en += std::to_string(i * 11 % 100003) + ", ";
    }
    write(dir / "n.zh.txt", zh + "。\n");
    write(dir / "n.en.txt", en + "end.\n");
    return std::vector<std::string>{"check", (dir / "n.zh.txt").string(), (dir / "n.en.txt").string(), "--fail-on", "never"};
  }});
  list.push_back({"number-mismatch: one 7 turned 5 in a repeat", [](const fs::path& dir, std::size_t bytes) {
    // The same numbers on both sides but one 5 more and one 7 fewer: every
    // five is a candidate for the changed mention.
    const std::size_t fives = bytes / 4;  // "5，" is 4 bytes
    write(dir / "v.zh.txt", repeat("5，", 4 * fives) + "7，7。\n");
    write(dir / "v.en.txt", repeat("5, ", 3 * (fives + 1)) + "7.\n");
    return std::vector<std::string>{"check", (dir / "v.zh.txt").string(), (dir / "v.en.txt").string(), "--fail-on", "never"};
  }});
  list.push_back({"mask_urls: URL then many ')'", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "u.en.txt", "See https://example.org/a" + repeat(")", bytes) + "\n");
    return std::vector<std::string>{"check", "--lang", "en", "--disable", "all", (dir / "u.en.txt").string()};
  }});
  list.push_back({"mask_urls: many hosts, no colon after them", [](const fs::path& dir, std::size_t bytes) {
    std::string zh = "说明: ";
    for (std::size_t i = 0; zh.size() < bytes; ++i) zh += "见 www.example" + std::to_string(i) + ".org 网站。";
    write(dir / "w.zh.txt", zh + "\n");
    return std::vector<std::string>{"check", "--lang", "zh", "--disable", "all", (dir / "w.zh.txt").string()};
  }});
  list.push_back({"mojibake: repeated 锟斤拷", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "k.zh.txt", repeat("锟斤拷", bytes) + "\n");
    return std::vector<std::string>{"check", "--lang", "zh", "--fail-on", "never", (dir / "k.zh.txt").string()};
  }});
  list.push_back({"mojibake: double-encoded with C1 controls", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "c.en.txt", repeat("Ã\xc2\x83Ã\xc2\xa9 \xc2\x81\xc2\x9d", bytes) + "\n");
    return std::vector<std::string>{"check", "--lang", "en", "--fail-on", "never", (dir / "c.en.txt").string()};
  }});
  list.push_back({"mojibake: one line of weak groups", [](const fs::path& dir, std::size_t bytes) {
    // A firing group, then weak ones ("Ã " may be "à") confirmed by it, all
    // on one line: each looked for its line's ends (quadratic).
    write(dir / "j.en.txt", "Il a Ã©tÃ© trÃ¨s rÃ©ussi. " + repeat("x Ã  y ", bytes) + "\n");
    return std::vector<std::string>{"check", "--lang", "en", "--fail-on", "never", (dir / "j.en.txt").string()};
  }});
  list.push_back({"mojibake: a run of byte order marks", [](const fs::path& dir, std::size_t bytes) {
    // One group whose fix drops every mark: erased one by one, quadratic.
    write(dir / "b.en.txt", "x " + repeat("ï»¿", bytes) + "\n");
    return std::vector<std::string>{"check", "--lang", "en", "--fail-on", "never", (dir / "b.en.txt").string()};
  }});
  // One unit of distinct placeholders on each side, none shared: every
  // finding quoted the whole other unit (a 64 KB pair: 1.5 GB of JSON, 746 MB)
  // and located and fingerprinted itself from the unit's start.
  list.push_back({"placeholder: one-line JSON unit of ICU args", [](const fs::path& dir, std::size_t bytes) {
    std::string zh = "{\"k\":\"", en = zh;
    for (std::size_t i = 0; zh.size() < bytes; ++i) {
      zh += "{a" + std::to_string(i) + "}";
      en += "{b" + std::to_string(i) + "}";
    }
    write(dir / "i.zh.json", zh + "\"}");
    write(dir / "i.en.json", en + "\"}");
    return std::vector<std::string>{"check", (dir / "i.zh.json").string(), (dir / "i.en.json").string(), "--format", "json",
                                    "--fail-on", "never"};
  }});
  // ICU plurals nested in each other's "other" branch, one unit of a JSON
  // catalog on each side: each level's branches were searched for their
  // closing braces (and '#') through every level inside them.
  list.push_back({"placeholder: nested ICU plurals", [](const fs::path& dir, std::size_t bytes) {
    std::string zh, en;
    std::size_t depth = 0;
    for (; zh.size() + 2 * depth < bytes; ++depth) {
      zh += "{n" + std::to_string(depth) + ", plural, one{# 个} other{";
      en += "{n" + std::to_string(depth) + ", plural, one{# item} other{";
    }
    zh += "# 项" + repeat("}}", 2 * depth);
    en += "# items" + repeat("}}", 2 * depth);
    write(dir / "q.zh.json", "{\"k\":\"" + zh + "\"}");
    write(dir / "q.en.json", "{\"k\":\"" + en + "\"}");
    return std::vector<std::string>{"check", (dir / "q.zh.json").string(), (dir / "q.en.json").string(), "--format", "json",
                                    "--fail-on", "never"};
  }});
  // Brace groups nested in each other, none a placeholder: each was read
  // whole to classify it (a 32 KB unit took 4.5 s).
  list.push_back({"placeholder: nested brace groups", [](const fs::path& dir, std::size_t bytes) {
    const std::string value = repeat("{", bytes / 2) + repeat("}", bytes / 2);
    write(dir / "o.zh.json", "{\"k\":\"" + value + "\"}");
    write(dir / "o.en.json", "{\"k\":\"" + value + "\"}");
    return std::vector<std::string>{"check", (dir / "o.zh.json").string(), (dir / "o.en.json").string(), "--format", "json",
                                    "--fail-on", "never"};
  }});
  // Controls between letters on one line: each run read its whole line for
  // right-to-left letters.
  list.push_back({"bidi-control: controls between letters", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "x.en.txt", repeat("a\u202E", bytes) + "\n");
    return std::vector<std::string>{"check", "--lang", "en", "--fail-on", "never", (dir / "x.en.txt").string()};
  }});
  // One unit repeating one placeholder: each translated one was matched by
  // erasing the front of the source's list.
  list.push_back({"placeholder: one unit repeating one placeholder", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "y.zh.json", "{\"k\":\"" + repeat("%1$s 和 ", bytes) + "\"}");
    write(dir / "y.en.json", "{\"k\":\"" + repeat("%1$s and ", bytes) + "\"}");
    return std::vector<std::string>{"check", (dir / "y.zh.json").string(), (dir / "y.en.json").string(), "--fail-on",
                                    "never"};
  }});
  list.push_back({"glossary: long term, one-line pair", [](const fs::path& dir, std::size_t bytes) {
    // Terms are capped at 256 characters; many long terms stand in for one huge one.
    std::string glossary = "zh\ten\n";
    for (std::size_t i = 0; glossary.size() < bytes; ++i)
      glossary += "术语" + std::to_string(i) + "\t" + repeat("a ", 250) + std::to_string(i) + "\n";
    write(dir / "g.tsv", glossary);
    write(dir / "l.zh.txt", "术语1。\n");
    write(dir / "l.en.txt", repeat("a ", 4000) + ".\n");
    return std::vector<std::string>{"check", (dir / "l.zh.txt").string(), (dir / "l.en.txt").string(), "--glossary",
                                    (dir / "g.tsv").string(), "--fail-on", "never"};
  }});
  // Sixty entries share one form, and forms nest ("a", "a a", ...): each start
  // of a repetitive pair matches once per form and entry (term_match_limit).
  list.push_back({"glossary: shared and nested forms, repetitive pair", [](const fs::path& dir, std::size_t bytes) {
    std::string glossary = "zh\ten\n";
    for (int e = 0; e < 60; ++e) glossary += "化疗\ta\n";
    for (int k = 2; k < 40; ++k) glossary += repeat("化疗", 6 * k).substr(0, 6 * k) + "\t" + repeat("a ", 2 * k).substr(0, 2 * k - 1) + "\n";
    write(dir / "s.tsv", glossary);
    write(dir / "s.zh.txt", repeat(repeat("化疗", 120).substr(0, 120) + "。\n", bytes / 2));
    write(dir / "s.en.txt", repeat(repeat("a ", 128).substr(0, 128) + "\n", bytes / 2));
    return std::vector<std::string>{"check", (dir / "s.zh.txt").string(), (dir / "s.en.txt").string(), "--glossary",
                                    (dir / "s.tsv").string(), "--fail-on", "never"};
  }});
  // The glossary grows: entries that all render "a", against a 4 KB pair of "a".
  list.push_back({"glossary: many entries share one form", [](const fs::path& dir, std::size_t bytes) {
    std::string glossary = "zh\ten\n";
    for (std::size_t i = 0; glossary.size() < bytes; ++i) glossary += "化疗" + std::to_string(i) + "\ta\n";
    write(dir / "e.tsv", glossary);
    write(dir / "e.zh.txt", repeat("化疗", 2048) + "\n");
    write(dir / "e.en.txt", repeat("a ", 2048) + "\n");
    return std::vector<std::string>{"check", (dir / "e.zh.txt").string(), (dir / "e.en.txt").string(), "--glossary",
                                    (dir / "e.tsv").string(), "--fail-on", "never"};
  }});
  list.push_back({"glossary: TBX terms+notes under one parent", [](const fs::path& dir, std::size_t bytes) {
    std::string body;
    for (std::size_t i = 0; body.size() < bytes; ++i)
      body += "<term>t" + std::to_string(i) + "</term><termNote type=\"termType\">fullForm</termNote>";
    write(dir / "t.tbx", "<martif><text><body><termEntry><langSet xml:lang=\"en\">" + body +
                             "</langSet></termEntry></body></text></martif>");
    return std::vector<std::string>{"glossary", "lint", (dir / "t.tbx").string()};
  }});
  // One cell of one short item repeated (refused past 1,000 items, after the
  // cell is read): merging the repeats was quadratic.
  list.push_back({"glossary: one cell of repeated items", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "r.tsv", "zh\ten\tvariants\n化疗\tchemotherapy\tv" + repeat("|v", bytes / 2) + "\n");
    write(dir / "r.zh.txt", "患者接受了化疗。\n");
    write(dir / "r.en.txt", "The patient received chemotherapy.\n");
    return std::vector<std::string>{"check", (dir / "r.zh.txt").string(), (dir / "r.en.txt").string(), "--glossary",
                                    (dir / "r.tsv").string()};
  }});
  // A file of one-character lines, every rule off: the plain-text reader's
  // per-line state (each line a block candidate) against the file's bytes.
  list.push_back({"plain text: one-character lines, rules off", [](const fs::path& dir, std::size_t bytes) {
    write(dir / "a.en.txt", repeat("a\n", bytes / 2));
    return std::vector<std::string>{"check", "--lang", "en", "--disable", "all", (dir / "a.en.txt").string()};
  }});
  list.push_back({"glossary lint: many entries", [](const fs::path& dir, std::size_t bytes) {
    std::string glossary = "zh\ten\n";
    for (std::size_t i = 0; glossary.size() < bytes; ++i) glossary += "词" + std::to_string(i) + "\tterm " + std::to_string(i) + "\n";
    write(dir / "m.tsv", glossary);
    return std::vector<std::string>{"glossary", "lint", (dir / "m.tsv").string()};
  }});
  return list;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : "build/transcheck";
  const std::size_t base = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 64) * 1024;
  const std::vector<std::string> filters(argv + std::min(argc, 3), argv + argc);
  auto wanted = [&](const std::string& name) {
    return filters.empty() ||
           std::any_of(filters.begin(), filters.end(), [&](const std::string& f) { return name.find(f) != std::string::npos; });
  };
  if (access(binary.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "hostile_bench: %s is not an executable transcheck\n", binary.c_str());
    return 2;
  }
  const fs::path dir = fs::temp_directory_path() / ("transcheck-hostile-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::printf("hostile inputs: sizes 256 B (start-up), %zu KB and %zu KB; a linear cost above start-up grows x4\n"
              "(ratio 0.00: the cost above start-up is within noise at the smaller size)\n\n",
              base / 1024, 4 * base / 1024);
  std::printf("%-44s %8s %8s %8s %7s %8s %8s %8s %7s %8s %5s\n", "pattern", "cpu tiny", "cpu s", "cpu s x4", "ratio",
              "MB tiny", "peak MB", "MB x4", "ratio", "MB/input", "exit");
  // Ratios of the cost above the tiny run's; "-" when that is within noise.
  auto ratio = [](double tiny, double small, double large, double noise) {
    return small - tiny > noise ? (large - tiny) / (small - tiny) : 0.0;
  };
  auto row = [&](const char* name, const Measure* m) {
    const double grown = m[2].input - m[1].input;
    std::printf("%-44s %8.3f %8.3f %8.3f %7.2f %8.1f %8.1f %8.1f %7.2f %8.1f %5d\n", name, m[0].cpu, m[1].cpu, m[2].cpu,
                ratio(m[0].cpu, m[1].cpu, m[2].cpu, 0.02), m[0].peak, m[1].peak, m[2].peak,
                ratio(m[0].peak, m[1].peak, m[2].peak, 2.0),
                grown > 0 ? std::max(0.0, m[2].peak - m[1].peak) / grown : 0.0, m[2].exit_code);
  };
  const std::size_t sizes[3] = {256, base, 4 * base};
  // The reference: reading a plain file of the same sizes with every rule off.
  {
    Measure m[3];
    for (int k = 0; k < 3; ++k) {
      write(dir / "plain.en.txt", repeat("The vaccine is safe and it works well for most people.\n", sizes[k]));
      m[k] = run(binary, {"check", "--lang", "en", "--disable", "all", (dir / "plain.en.txt").string()});
    }
    row("reference: plain file, every rule off", m);
  }
  for (const Pattern& pattern : patterns()) {
    if (!wanted(pattern.name)) continue;
    Measure m[3];
    for (int k = 0; k < 3; ++k) m[k] = run(binary, pattern.prepare(dir, sizes[k]));
    row(pattern.name, m);
  }
  fs::remove_all(dir);
  return 0;
}
