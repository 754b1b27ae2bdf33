// The HTML report as a browser sees it: renders the sample report with
// headless Chromium (--dump-dom, after the page's script ran) and checks the
// DOM against the JSON report of the same run:
// - both texts are on the page;
// - every finding of the JSON report has its highlight (data-finding, data-rule);
// - the URL fragment #severity=error hides every warning and info (hidden attribute).
// Exits 77 (skipped) only when no chromium is installed; CI installs it.
//
// Usage: html_report_in_browser TRANSCHECK SOURCE_DIR
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/html_text.h"

namespace fs = std::filesystem;

namespace {

constexpr int kSkipped = 77;
int failures = 0;

void expect(bool ok, const std::string& what) {
  if (ok) return;
  ++failures;
  std::cerr << "FAILED: " << what << '\n';
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Standard output of a shell command; exit status in status.
std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 65536> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  status = ::pclose(pipe);
  return out;
}

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    int status = 0;
    const std::string path = run(std::string("command -v ") + name + " 2>/dev/null", status);
    if (status == 0 && !path.empty()) return path.substr(0, path.find('\n'));
  }
  return {};
}

// The DOM after the page's script ran.
std::string dump_dom(const std::string& chromium, const fs::path& profile, const std::string& url) {
  std::string command = "timeout 60 " + quoted(chromium) + " --headless --disable-gpu --no-first-run " +
                        "--disable-extensions --user-data-dir=" + quoted(profile.string());
  if (::geteuid() == 0) command += " --no-sandbox";  // Chromium refuses to run as root inside its sandbox
  command += " --dump-dom " + quoted(url) + " 2>/dev/null";
  int status = 0;
  std::string dom = run(command, status);
  if (status != 0) std::cerr << "chromium exited with status " << status << " for " << url << '\n';
  return dom;
}

// The opening tags of the elements that carry data-finding, as attribute maps.
struct Element {
  std::string tag;
  std::string finding, rule, severity;
  bool hidden = false;
};

std::vector<Element> finding_elements(const std::string& dom) {
  std::vector<Element> elements;
  static const std::regex open(R"re(<(mark|li)\b([^>]*\bdata-finding="[^"]*"[^>]*)>)re");
  static const std::regex attribute(R"re(([\w-]+)(?:="([^"]*)")?)re");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), open); it != std::sregex_iterator(); ++it) {
    Element element;
    element.tag = (*it)[1];
    const std::string attributes = (*it)[2];
    for (auto a = std::sregex_iterator(attributes.begin(), attributes.end(), attribute); a != std::sregex_iterator(); ++a) {
      const std::string name = (*a)[1];
      if (name == "data-finding") element.finding = (*a)[2];
      else if (name == "data-rule") element.rule = (*a)[2];
      else if (name == "data-severity") element.severity = (*a)[2];
      else if (name == "hidden") element.hidden = true;
    }
    elements.push_back(element);
  }
  return elements;
}

std::string without_spaces(std::string text) {
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
  return text;
}

// The contents of one side's cells (class "side src" or "side tgt"), in order.
std::string side_text(const std::string& dom, const std::string& side) {
  std::string out;
  const std::string open = "<div class=\"side " + side;
  for (std::size_t at = dom.find(open); at != std::string::npos; at = dom.find(open, at + 1)) {
    const std::size_t begin = dom.find('>', at) + 1;
    const std::size_t end = dom.find("</div>", begin);
    if (end == std::string::npos) break;
    out += dom.substr(begin, end - begin);
  }
  return out;
}

// Lines made only of characters the page shows as they are (printable ASCII,
// Han, CJK and full-width punctuation), so they must appear verbatim.
std::vector<std::string> plain_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.size() < 12) continue;
    bool plain = true;
    for (std::size_t i = 0; i < line.size() && plain;) {
      const auto byte = static_cast<unsigned char>(line[i]);
      if (byte >= 0x20 && byte < 0x7F) {
        ++i;
      } else if ((byte == 0xE4 || (byte >= 0xE5 && byte <= 0xE9)) && i + 2 < line.size()) {
        i += 3;  // U+4E00..U+9FFF
      } else if (byte == 0xE3 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x80) {
        i += 3;  // U+3000..U+303F
      } else if (byte == 0xEF && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xBC) {
        i += 3;  // U+FF00..U+FF3F
      } else {
        plain = false;
      }
    }
    if (plain && line.find('\t') == std::string::npos) lines.push_back(line);
  }
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: html_report_in_browser TRANSCHECK SOURCE_DIR\n";
    return 2;
  }
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    std::cout << "chromium is not installed: skipped\n";
    return kSkipped;
  }
  const std::string transcheck = argv[1];
  const fs::path source_dir = argv[2];
  const fs::path dir = fs::temp_directory_path() / ("transcheck-browser-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path source = source_dir / "samples/chemo-immunity/article.zh.md";
  const fs::path target = source_dir / "samples/chemo-immunity/article.en.md";
  const std::string check = quoted(transcheck) + " check " + quoted(source.string()) + " " + quoted(target.string()) +
                            " --glossary " + quoted((source_dir / "glossaries/medical.zh-en.tsv").string()) +
                            " --fail-on never";
  int status = 0;
  run(check + " --format html -o " + quoted((dir / "report.html").string()), status);
  expect(status == 0, "transcheck --format html");
  run(check + " --format json -o " + quoted((dir / "report.json").string()), status);
  expect(status == 0, "transcheck --format json");
  const auto report = nlohmann::json::parse(read_all(dir / "report.json"));
  const auto& findings = report["findings"];
  expect(findings.size() > 10, "the sample has findings");

  const std::string url = "file://" + (dir / "report.html").string();
  const std::string dom = dump_dom(chromium, dir / "profile", url);
  expect(dom.find("</html>") != std::string::npos, "chromium dumped the page");
  expect(std::regex_search(dom, std::regex(R"re(<span id="shown">\d+ of \d+ shown</span>)re")), "the page's script ran");

  // Both texts are on the page (compared without white space: a line of
  // several sentences is cut into its beads' rows).
  for (const auto& [file, side] : {std::pair{source, "src"}, std::pair{target, "tgt"}}) {
    const std::string text = without_spaces(tc::test::html_text(side_text(dom, side)));
    const auto lines = plain_lines(read_all(file));
    expect(lines.size() >= 5, file.string() + ": enough plain lines to look for");
    for (const std::string& line : lines)
      expect(text.find(without_spaces(line)) != std::string::npos, "on the page: " + line);
  }

  // Every finding of the JSON report has its highlight, with its rule and severity.
  const auto elements = finding_elements(dom);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    bool highlighted = false;
    for (const Element& e : elements)
      if (e.tag == "mark" && e.finding == std::to_string(i)) {
        highlighted = true;
        expect(e.rule == findings[i]["rule"] && e.severity == findings[i]["severity"],
               "finding " + std::to_string(i) + " highlighted with its rule and severity");
      }
    expect(highlighted, "finding " + std::to_string(i) + " (" + findings[i]["rule"].get<std::string>() + ") has a highlight");
  }
  for (const Element& e : elements) expect(!e.hidden, "nothing hidden without a filter");

  // #severity=error hides every warning and info, and nothing else.
  const auto filtered = finding_elements(dump_dom(chromium, dir / "profile", url + "#severity=error"));
  expect(filtered.size() == elements.size(), "the same elements under #severity=error");
  std::size_t errors = 0;
  for (const Element& e : filtered) {
    expect(e.hidden == (e.severity != "error"), "#severity=error: finding " + e.finding + " (" + e.severity + ") " +
                                                    (e.hidden ? "hidden" : "shown"));
    errors += e.severity == "error" ? 1 : 0;
  }
  expect(errors > 0 && errors < filtered.size(), "the sample has errors and other findings");

  fs::remove_all(dir);
  if (failures > 0) {
    std::cerr << failures << " checks failed\n";
    return 1;
  }
  std::cout << "html report in " << chromium << ": " << findings.size() << " findings highlighted; #severity=error shows "
            << errors << " elements\n";
  return 0;
}
