// The HTML report: one self-contained page (inline CSS and JS, no network)
// that shows each pair side by side, bead by bead, with every finding
// highlighted where it is. Nothing from the input reaches the page except
// as escaped text: invisible and bidi characters are shown as <U+XXXX>, so
// no input can reorder, hide or inject anything.
//
// The page is written as the run goes (one section per job); the filters,
// the per-rule chart and the index of pairs are known only at the end, so
// they come last in the file and CSS puts them first on screen.
//
// Contract for tests and tools: each bead element carries data-bead; each
// highlight (mark) carries data-rule, data-severity and data-finding (the
// finding's index in the JSON report of the same run); filtering sets the
// `hidden` attribute.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "report/excerpt.h"
#include "report/location.h"
#include "report/printers.h"

namespace tc {
namespace {

// Input text as HTML text: shown safely (see excerpt.h), then escaped
// (every attribute is double-quoted, so & < > " are all that need it).
std::string shown(std::string_view text, bool keep_line_breaks = false) {
  return escape_markup(printable(text, keep_line_breaks));
}

std::string_view family_of(std::string_view rule) { return rule.substr(0, rule.find('/')); }

// A finding as the page refers to it: its index in the run and where it is.
struct Mark {
  std::size_t index = 0;  // the finding's index in the JSON report
  const Finding* finding = nullptr;
  Span span;
};

// The attributes every element that stands for a finding carries.
std::string finding_attributes(const Mark& mark) {
  const Finding& f = *mark.finding;
  return " data-finding=\"" + std::to_string(mark.index) + "\" data-rule=\"" + escape_markup(f.rule) +
         "\" data-severity=\"" + std::string(to_string(f.severity)) + "\"";
}

std::string fix_text(const Finding& f) {
  const auto replacement = fix_replacement(f);
  if (!replacement) return {};
  return std::string(f.fix->applicability == Applicability::safe ? "fix" : "possible fix") + ": replace with “" +
         printable(*replacement) + "”";
}

// Renders one document's text in consecutive pieces (beads or blocks), each
// finding as a <mark> around its span. A finding that crosses a piece or
// partly overlaps another is split into several marks with the same
// data-finding; the first carries the id the findings list links to.
class DocumentRenderer {
 public:
  DocumentRenderer(const Document& doc, std::vector<Mark> marks) : doc_(doc), marks_(std::move(marks)) {
    std::stable_sort(marks_.begin(), marks_.end(), [](const Mark& a, const Mark& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
    });
    // A byte is touched inside a mark's span, or at an empty mark: counted as
    // marks opening minus marks closing before it (a loop over each span made
    // many findings on one long line quadratic).
    const std::size_t size = doc.text.size();
    std::vector<std::int32_t> opened(size + 2, 0);
    for (const Mark& m : marks_) {
      if (m.span.begin > size) continue;
      const std::size_t begin = m.span.begin;
      const std::size_t end = m.span.empty() ? begin + 1 : std::min(m.span.end, size + 1);
      if (begin >= end) continue;
      ++opened[begin];
      --opened[end];
    }
    touched_.assign(size + 1, false);
    std::int32_t inside = 0;
    for (std::size_t i = 0; i <= size; ++i) touched_[i] = (inside += opened[i]) > 0;
  }

  // The HTML of text [begin, end); pieces come in order and cover the text.
  std::string render(std::size_t begin, std::size_t end) {
    const std::string_view text = doc_.text;
    const bool last = end >= text.size();
    // Line breaks and spaces at the edges of a piece only add blank lines,
    // unless a finding is on them.
    while (begin < end && is_blank(text[begin]) && !touched_[begin]) ++begin;
    std::size_t shown_end = end;
    while (shown_end > begin && is_blank(text[shown_end - 1]) && !touched_[shown_end - 1]) --shown_end;

    std::string out;
    for (const Mark* m : open_) out += open_tag(*m);
    std::size_t pos = begin;
    while (true) {
      while (next_ < marks_.size() && marks_[next_].span.begin <= pos && (pos < end || last)) {
        const Mark& m = marks_[next_++];
        if (m.span.empty() || m.span.end <= pos) {
          out += open_tag(m, " empty") + "</mark>";
        } else {
          out += open_tag(m);
          open_.push_back(&m);
        }
      }
      if (pos >= shown_end) break;
      std::size_t stop = shown_end;
      if (next_ < marks_.size()) stop = std::min(stop, std::max(pos + 1, marks_[next_].span.begin));
      for (const Mark* m : open_) stop = std::min(stop, m->span.end);
      out += shown(text.substr(pos, stop - pos), true);
      pos = stop;
      close_ending_at(pos, out);
    }
    // A finding pointing past the last shown byte (an empty span at the end).
    while (last && next_ < marks_.size()) out += open_tag(marks_[next_++], " empty") + "</mark>";
    for (std::size_t k = 0; k < open_.size(); ++k) out += "</mark>";
    std::erase_if(open_, [&](const Mark* m) { return m->span.end <= end; });
    return out;
  }

 private:
  static bool is_blank(char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; }

  std::string open_tag(const Mark& m, const char* extra = "") {
    const Finding& f = *m.finding;
    std::string tag = "<mark class=\"f s-" + std::string(to_string(f.severity)) + extra + "\"" + finding_attributes(m);
    if (!first_done_.contains(m.index)) {
      first_done_.insert(m.index);
      tag += " id=\"f-" + std::to_string(m.index) + "\"";
    }
    std::string title = std::string(to_string(f.severity)) + " [" + f.rule + "]: " + printable(f.message);
    if (const std::string fix = fix_text(f); !fix.empty()) title += "\n" + fix;
    return tag + " title=\"" + escape_markup(title) + "\">";
  }

  // Closes the marks that end at pos; marks opened after one of them and
  // still going on are closed with it and opened again (HTML nests).
  void close_ending_at(std::size_t pos, std::string& out) {
    std::size_t first = open_.size();
    for (std::size_t k = 0; k < open_.size(); ++k)
      if (open_[k]->span.end <= pos) {
        first = k;
        break;
      }
    if (first == open_.size()) return;
    for (std::size_t k = first; k < open_.size(); ++k) out += "</mark>";
    std::vector<const Mark*> kept(open_.begin(), open_.begin() + static_cast<std::ptrdiff_t>(first));
    for (std::size_t k = first; k < open_.size(); ++k)
      if (open_[k]->span.end > pos) {
        out += open_tag(*open_[k]);
        kept.push_back(open_[k]);
      }
    open_ = std::move(kept);
  }

  const Document& doc_;
  std::vector<Mark> marks_;
  std::vector<bool> touched_;  // bytes a finding covers (or points at), kept at piece edges
  std::size_t next_ = 0;
  std::vector<const Mark*> open_;
  std::set<std::size_t> first_done_;
};

// Where each piece of a document ends: pieces[k] is [ends[k-1], ends[k]).
// A piece may be empty (a gap: the bead has no sentence on this side).
std::size_t piece_of(const std::vector<std::size_t>& ends, std::size_t offset) {
  const auto it = std::upper_bound(ends.begin(), ends.end(), offset);
  return it == ends.end() ? ends.size() - 1 : static_cast<std::size_t>(it - ends.begin());
}

// Bead k's share of a side: up to the end of its last sentence, the rest of
// the text going to the last bead with a sentence on that side.
std::vector<std::size_t> bead_ends(const Alignment& alignment, bool source, std::size_t text_size) {
  const auto& sentences = source ? alignment.source_sentences : alignment.target_sentences;
  std::vector<std::size_t> ends;
  std::size_t cut = 0;
  std::size_t last_with_text = 0;
  for (std::size_t k = 0; k < alignment.beads.size(); ++k) {
    const auto& members = source ? alignment.beads[k].source : alignment.beads[k].target;
    if (!members.empty()) {
      cut = std::max<std::size_t>(cut, sentences[members.back()].span.end);
      last_with_text = k;
    }
    ends.push_back(cut);
  }
  for (std::size_t k = last_with_text; k < ends.size(); ++k) ends[k] = text_size;
  return ends;
}

// Pieces of a document shown alone: its blocks.
std::vector<std::size_t> block_ends(const Document& doc) {
  std::vector<std::size_t> ends;
  for (const Block& block : doc.blocks) ends.push_back(std::min(block.span().end, doc.text.size()));
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  if (ends.empty() || ends.back() != doc.text.size()) ends.push_back(doc.text.size());
  return ends;
}

std::string lang_attribute(const Document& doc) {
  return doc.lang == Lang::unknown ? std::string() : " lang=\"" + std::string(to_string(doc.lang)) + "\"";
}

std::string counts_html(const SeverityCounts& c) {
  return "<span class=\"n s-error\">" + std::to_string(c.error) + " errors</span> <span class=\"n s-warning\">" +
         std::to_string(c.warning) + " warnings</span> <span class=\"n s-info\">" + std::to_string(c.info) +
         " info</span>";
}

extern const char* const kStyle;
extern const char* const kScript;

class HtmlSink : public ReportSink {
 public:
  explicit HtmlSink(std::ostream& out) : out_(out) {}

  void begin_run() override {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            // No network and no script but the page's own.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; img-src data:\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>transcheck report</title>\n<style>"
         << kStyle << "</style>\n</head>\n<body>\n<main id=\"jobs\">\n";
  }

  void job_result(const JobResult& result) override {
    const std::size_t job = jobs_.size();
    JobEntry entry;
    std::vector<Mark> marks;
    for (const Finding& f : result.findings) marks.push_back({next_finding_++, &f, f.span});
    FindingTally job_tally;
    job_tally.add(result);
    entry.counts = job_tally.counts;
    tally_.add(result);
    for (const Document& doc : result.documents) entry.title += (entry.title.empty() ? "" : " ⇄ ") + doc.path;
    if (result.error) entry.title = result.error->path;
    out_ << "<section class=\"job\" id=\"job-" << job << "\" data-job=\"" << job << "\">\n<h2>" << shown(entry.title)
         << "</h2>\n<p class=\"counts\">" << counts_html(entry.counts) << "</p>\n";
    if (result.error) {
      out_ << "<p class=\"input-error\">" << shown(result.error->message) << "</p>\n";
    } else if (result.documents.size() == 2 && result.alignment) {
      write_pair(result, marks);
    } else {
      for (const Document& doc : result.documents) write_document(doc, marks);
    }
    write_findings_list(marks);
    out_ << "</section>\n";
    jobs_.push_back(std::move(entry));
  }

  void end_run(const RunSummary&) override {
    out_ << "</main>\n";
    write_controls();
    write_index();
    out_ << "<aside id=\"detail\" hidden></aside>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
  }

 private:
  struct JobEntry {
    std::string title;
    SeverityCounts counts;
  };

  static std::vector<Mark> marks_in(const Document& doc, const std::vector<Mark>& marks) {
    std::vector<Mark> mine;
    for (const Mark& m : marks)
      if (m.finding->document == &doc) mine.push_back(m);
    return mine;
  }

  void write_pair(const JobResult& result, const std::vector<Mark>& marks) {
    const Document& source = result.documents[0];
    const Document& target = result.documents[1];
    const Alignment& alignment = *result.alignment;
    DocumentRenderer source_renderer(source, marks_in(source, marks));
    DocumentRenderer target_renderer(target, marks_in(target, marks));
    std::vector<std::size_t> source_ends = bead_ends(alignment, true, source.text.size());
    std::vector<std::size_t> target_ends = bead_ends(alignment, false, target.text.size());
    if (alignment.beads.empty()) {  // nothing aligned: the two texts whole, in one row
      source_ends = {source.text.size()};
      target_ends = {target.text.size()};
    }
    out_ << "<div class=\"pair\">\n<div class=\"row head\"><div class=\"gutter\"></div><div class=\"side\">"
         << shown(source.path) << "</div><div class=\"side\">" << shown(target.path) << "</div></div>\n";
    std::size_t source_begin = 0;
    std::size_t target_begin = 0;
    for (std::size_t k = 0; k < source_ends.size(); ++k) {
      const std::size_t sources = alignment.beads.empty() ? 1 : alignment.beads[k].source.size();
      const std::size_t targets = alignment.beads.empty() ? 1 : alignment.beads[k].target.size();
      out_ << "<div class=\"row bead\" data-bead=\"" << k << "\"><div class=\"gutter\">" << sources << '-' << targets
           << "</div>";
      write_side("src", source, source_renderer, source_begin, source_ends[k]);
      write_side("tgt", target, target_renderer, target_begin, target_ends[k]);
      out_ << "</div>\n";
      source_begin = source_ends[k];
      target_begin = target_ends[k];
    }
    out_ << "</div>\n";
    // Where each finding's counterpart is, for the page to light it up.
    counterpart_rows_.clear();
    for (const Mark& m : marks) {
      const auto& c = m.finding->counterpart;
      if (!c || !c->document) continue;
      const bool in_source = c->document == &source;
      const std::size_t bead = piece_of(in_source ? source_ends : target_ends, c->span.begin);
      counterpart_rows_[m.index] = std::to_string(bead) + (in_source ? " src" : " tgt");
    }
  }

  void write_side(const char* side, const Document& doc, DocumentRenderer& renderer, std::size_t begin,
                  std::size_t end) {
    out_ << "<div class=\"side " << side << (begin == end ? " gap" : "") << "\"" << lang_attribute(doc) << '>'
         << renderer.render(begin, end) << "</div>";
  }

  void write_document(const Document& doc, const std::vector<Mark>& marks) {
    DocumentRenderer renderer(doc, marks_in(doc, marks));
    out_ << "<div class=\"single\"><div class=\"row head\"><div class=\"side\">" << shown(doc.path)
         << "</div></div>\n";
    std::size_t begin = 0;
    std::size_t block = 0;
    for (const std::size_t end : block_ends(doc)) {
      out_ << "<div class=\"row block\" data-block=\"" << block++ << "\"><div class=\"side\"" << lang_attribute(doc)
           << '>' << renderer.render(begin, end) << "</div></div>\n";
      begin = end;
    }
    out_ << "</div>\n";
  }

  void write_findings_list(const std::vector<Mark>& marks) {
    if (marks.empty()) {
      out_ << "<p class=\"none\">No findings.</p>\n";
      counterpart_rows_.clear();
      return;
    }
    out_ << "<details class=\"list\" open><summary>Findings (" << marks.size() << ")</summary>\n<ol class=\"findings\">\n";
    Locator locator;
    for (const Mark& m : marks) {
      const Finding& f = *m.finding;
      const Location loc = locator.locate(*f.document, f.span);
      out_ << "<li" << finding_attributes(m);
      if (const auto it = counterpart_rows_.find(m.index); it != counterpart_rows_.end())
        out_ << " data-counterpart=\"" << it->second << "\"";
      out_ << "><a class=\"loc\" data-jump=\"" << m.index << "\" href=\"#f-" << m.index << "\">" << shown(loc.file) << ':'
           << loc.start.line << ':' << loc.start.column << "</a> <span class=\"sev s-" << to_string(f.severity) << "\">"
           << to_string(f.severity) << "</span> <span class=\"msg\">" << shown(f.message) << "</span> <code class=\"rule\">"
           << escape_markup(f.rule) << "</code>";
      if (const std::string fix = fix_text(f); !fix.empty()) out_ << " <span class=\"fix\">" << escape_markup(fix) << "</span>";
      if (f.counterpart) out_ << " <span class=\"cp\">counterpart: " << shown(f.counterpart->text) << "</span>";
      out_ << "</li>\n";
    }
    out_ << "</ol>\n</details>\n";
    counterpart_rows_.clear();
  }

  void write_controls() {
    std::map<std::string, std::size_t> families;
    std::size_t most = 1;
    for (const auto& [rule, count] : tally_.per_rule) {
      families[std::string(family_of(rule))] += count;
      most = std::max(most, count);
    }
    out_ << "<header id=\"controls\">\n<h1>transcheck report</h1>\n<p class=\"counts\">" << counts_html(tally_.counts) << " in "
         << jobs_.size() << (jobs_.size() == 1 ? " job" : " jobs")
         << " · <span id=\"shown\"></span> <span class=\"keys\">keys: <kbd>n</kbd> next, <kbd>p</kbd> previous, "
            "<kbd>Esc</kbd> close</span></p>\n<div class=\"filters\">\n<fieldset><legend>severity</legend>";
    const std::size_t by_severity[] = {tally_.counts.error, tally_.counts.warning, tally_.counts.info};
    const char* names[] = {"error", "warning", "info"};
    for (int k = 0; k < 3; ++k)
      out_ << "<label class=\"s-" << names[k] << "\"><input type=\"checkbox\" data-key=\"severity\" value=\"" << names[k]
           << "\" checked> " << names[k] << " (" << by_severity[k] << ")</label>";
    out_ << "</fieldset>\n<fieldset><legend>family</legend>";
    for (const auto& [family, count] : families)
      out_ << "<label><input type=\"checkbox\" data-key=\"family\" value=\"" << escape_markup(family) << "\" checked> "
           << escape_markup(family) << " (" << count << ")</label>";
    out_ << "</fieldset>\n<fieldset class=\"rules\"><legend>rule</legend>\n";
    for (const auto& [rule, count] : tally_.per_rule_severity) {
      // A bar per rule, split by severity, as long as its count.
      out_ << "<label class=\"rule-row\"><input type=\"checkbox\" data-key=\"rule\" value=\"" << escape_markup(rule)
           << "\" checked> <code>" << escape_markup(rule) << "</code><span class=\"bar\">";
      const std::size_t parts[] = {count.error, count.warning, count.info};
      for (int k = 0; k < 3; ++k)
        if (parts[k] > 0)
          out_ << "<span class=\"b-" << names[k] << "\" style=\"width:" << (100.0 * static_cast<double>(parts[k]) / static_cast<double>(most))
               << "%\"></span>";
      out_ << "</span><span class=\"count\">" << count.error + count.warning + count.info << "</span></label>\n";
    }
    out_ << "</fieldset>\n</div>\n</header>\n";
  }

  void write_index() {
    out_ << "<nav id=\"index\"" << (jobs_.size() < 2 ? " class=\"one\"" : "") << "><h2>Index</h2><ol>\n";
    for (std::size_t k = 0; k < jobs_.size(); ++k)
      out_ << "<li><a data-jump-job=\"" << k << "\" href=\"#job-" << k << "\">" << shown(jobs_[k].title) << "</a> "
           << counts_html(jobs_[k].counts) << "</li>\n";
    out_ << "</ol></nav>\n";
  }

  std::ostream& out_;
  std::size_t next_finding_ = 0;
  std::vector<JobEntry> jobs_;
  FindingTally tally_;
  std::map<std::size_t, std::string> counterpart_rows_;  // finding index -> "bead side" of its counterpart
};

const char* const kStyle = R"CSS(
:root{--error:#c62828;--warning:#b26a00;--info:#1565c0;--error-bg:#fde0dc;--warning-bg:#fff1c2;--info-bg:#e3effd;
 --line:#ddd;--muted:#666;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif}
body{margin:0;display:flex;flex-direction:column;color:#222;background:#fafafa}
#controls{order:-2;padding:.6em 1em;background:#fff;border-bottom:1px solid var(--line)}
#index{order:-1;padding:.2em 1em;background:#fff;border-bottom:1px solid var(--line)}
#index.one{display:none}
#jobs{order:0;padding:0 1em 4em}
h1{font-size:1.2em;margin:.2em 0}h2{font-size:1.05em;margin:1em 0 .3em;overflow-wrap:anywhere}
.counts .n{margin-right:.4em}.n.s-error,.sev.s-error{color:var(--error)}.n.s-warning,.sev.s-warning{color:var(--warning)}
.n.s-info,.sev.s-info{color:var(--info)}
.keys{color:var(--muted);font-size:.9em}
.filters{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:flex-start}
fieldset{border:1px solid var(--line);border-radius:4px;padding:.2em .6em}fieldset label{margin-right:.8em;white-space:nowrap}
fieldset.rules{display:grid;grid-template-columns:1fr;max-height:14em;overflow:auto;min-width:24em}
.rule-row{display:grid;grid-template-columns:auto 16em 1fr 3em;gap:.4em;align-items:center}
.rule-row code{font-size:.85em;overflow:hidden;text-overflow:ellipsis}
.bar{display:flex;height:.8em;background:#f0f0f0}.bar span{display:block;height:100%}
.b-error{background:var(--error)}.b-warning{background:#e0a100}.b-info{background:var(--info)}
.count{text-align:right;font-variant-numeric:tabular-nums}
.pair,.single{border:1px solid var(--line);background:#fff}
.row{display:grid;grid-template-columns:3.2em 1fr 1fr;border-top:1px solid #eee;content-visibility:auto;contain-intrinsic-size:auto 3em}
.single .row{grid-template-columns:1fr}
.row.head{font-weight:600;background:#f4f4f4;content-visibility:visible}
.gutter{color:var(--muted);font-size:.75em;padding:.5em .3em;text-align:right}
.side{padding:.35em .6em;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate;direction:ltr;line-height:1.55}
.side.src{border-right:1px solid #eee}
.side.gap{background:repeating-linear-gradient(135deg,#fafafa 0 6px,#f0f0f0 6px 12px)}
.side.lit{background:#fff8d6;outline:2px solid #f0c000}
mark.f{background:none;color:inherit;border-bottom:2px solid;cursor:pointer;padding:0 1px}
mark.s-error{background:var(--error-bg);border-color:var(--error)}
mark.s-warning{background:var(--warning-bg);border-color:#e0a100}
mark.s-info{background:var(--info-bg);border-color:var(--info)}
mark.f.empty::before{content:"‸";font-weight:bold}
mark.f.active{outline:2px solid #222;outline-offset:1px}
mark.f[hidden]{display:inline!important;background:none!important;border:0!important;cursor:auto}
mark.f.empty[hidden]{display:none!important}
.list summary{cursor:pointer;margin:.6em 0}
ol.findings{padding-left:2.2em;font-size:.92em}ol.findings li{margin:.15em 0}
ol.findings li.active{background:#fff8d6}
.loc{font-family:ui-monospace,monospace;font-size:.9em}.rule{color:var(--muted)}.fix{color:#2e7d32}.cp{color:var(--muted)}
.input-error{color:var(--error)}
#detail{position:fixed;right:1em;bottom:1em;max-width:34em;background:#fff;border:1px solid #999;border-radius:6px;
 box-shadow:0 2px 10px rgba(0,0,0,.2);padding:.6em .9em;z-index:2}
#detail>span,#detail>code,#detail>a{display:block;margin:.15em 0}
)CSS";

// Event delegation only (one listener per kind of event on the document),
// so a book-length report stays responsive. The filter state lives in the
// URL fragment: #severity=error&family=encoding,script&rule=typography/run-together.
const char* const kScript = R"JS(
(function () {
  'use strict';
  var KEYS = ['severity', 'family', 'rule'];
  var items = [];        // findings list entries, in report order
  var itemByIndex = {};
  var current = -1;      // position in items of the active finding

  function readState() {
    var state = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at < 0) return;
      var key = decodeURIComponent(pair.slice(0, at));
      if (KEYS.indexOf(key) < 0) return;
      var value = decodeURIComponent(pair.slice(at + 1));
      state[key] = value ? value.split(',') : [];
    });
    return state;
  }

  function allows(state, key, value) { return !state[key] || state[key].indexOf(value) >= 0; }

  function visible(state, el) {
    var rule = el.getAttribute('data-rule');
    return allows(state, 'severity', el.getAttribute('data-severity')) &&
      allows(state, 'family', rule.split('/')[0]) && allows(state, 'rule', rule);
  }

  function apply(state) {
    var boxes = document.querySelectorAll('#controls input[data-key]');
    for (var b = 0; b < boxes.length; b++)
      boxes[b].checked = allows(state, boxes[b].getAttribute('data-key'), boxes[b].value);
    var all = document.querySelectorAll('[data-finding]');
    var shownCount = 0;
    for (var k = 0; k < all.length; k++) {
      var el = all[k];
      if (visible(state, el)) {
        el.removeAttribute('hidden');
        if (el.tagName === 'LI') shownCount++;
      } else {
        el.setAttribute('hidden', '');
      }
    }
    var label = document.getElementById('shown');
    if (label) label.textContent = shownCount + ' of ' + items.length + ' shown';
  }

  function writeState() {
    var parts = [];
    KEYS.forEach(function (key) {
      var boxes = document.querySelectorAll('#controls input[data-key="' + key + '"]');
      var on = [];
      for (var b = 0; b < boxes.length; b++) if (boxes[b].checked) on.push(boxes[b].value);
      if (on.length < boxes.length) parts.push(key + '=' + on.map(encodeURIComponent).join(','));
    });
    var hash = parts.length ? '#' + parts.join('&') : '';
    try {
      history.replaceState(null, '', hash || location.pathname + location.search);
    } catch (e) {
      location.replace(hash || '#');
    }
    apply(readState());
  }

  function marksOf(index) { return document.querySelectorAll('mark[data-finding="' + index + '"]'); }

  function clearActive() {
    var old = document.querySelectorAll('.active, .lit');
    for (var k = 0; k < old.length; k++) old[k].classList.remove('active', 'lit');
  }

  // The counterpart: the side and bead the finding's counterpart is in, or
  // else the other side of the finding's own bead.
  function counterpartOf(item, mark) {
    var where = item && item.getAttribute('data-counterpart');
    var section = (mark || item).closest('section');
    if (where && section) {
      var parts = where.split(' ');
      return section.querySelector('[data-bead="' + parts[0] + '"] > .side.' + parts[1]);
    }
    var side = mark && mark.closest('.side');
    var row = side && side.closest('.bead');
    if (!row) return null;
    return row.querySelector(side.classList.contains('src') ? '.side.tgt' : '.side.src');
  }

  function showDetail(item) {
    var panel = document.getElementById('detail');
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    if (!item) { panel.hidden = true; return; }
    var children = item.children;
    for (var k = 0; k < children.length; k++) panel.appendChild(children[k].cloneNode(true));
    panel.hidden = false;
  }

  function activate(index, scroll) {
    clearActive();
    var item = itemByIndex[index];
    var marks = marksOf(index);
    for (var k = 0; k < marks.length; k++) marks[k].classList.add('active');
    if (item) { item.classList.add('active'); current = items.indexOf(item); }
    var lit = counterpartOf(item, marks[0]);
    if (lit) lit.classList.add('lit');
    if (scroll && marks[0]) marks[0].scrollIntoView({block: 'center'});
    else if (scroll && item) item.scrollIntoView({block: 'center'});
    showDetail(item);
  }

  function step(direction) {
    if (!items.length) return;
    var k = current;
    for (var tries = 0; tries < items.length; tries++) {
      k = (k + direction + items.length) % items.length;
      if (!items[k].hasAttribute('hidden')) { activate(items[k].getAttribute('data-finding'), true); return; }
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    items = Array.prototype.slice.call(document.querySelectorAll('li[data-finding]'));
    items.forEach(function (item) { itemByIndex[item.getAttribute('data-finding')] = item; });
    apply(readState());

    document.addEventListener('click', function (event) {
      var target = event.target;
      var jump = target.closest('a[data-jump]');
      if (jump) { event.preventDefault(); activate(jump.getAttribute('data-jump'), true); return; }
      var job = target.closest('a[data-jump-job]');
      if (job) {
        event.preventDefault();
        var section = document.getElementById('job-' + job.getAttribute('data-jump-job'));
        if (section) section.scrollIntoView();
        return;
      }
      var mark = target.closest('mark[data-finding]');
      if (mark && !mark.hasAttribute('hidden')) { activate(mark.getAttribute('data-finding'), false); return; }
      if (!target.closest('#detail')) { clearActive(); showDetail(null); }
    });
    document.addEventListener('change', function (event) {
      if (event.target.closest('#controls input[data-key]')) writeState();
    });
    document.addEventListener('mouseover', function (event) {
      var mark = event.target.closest('mark[data-finding]');
      var lit = document.querySelectorAll('.side.hover');
      for (var k = 0; k < lit.length; k++) lit[k].classList.remove('hover', 'lit');
      if (!mark || mark.hasAttribute('hidden')) return;
      var other = counterpartOf(itemByIndex[mark.getAttribute('data-finding')], mark);
      if (other && !other.classList.contains('lit')) other.classList.add('hover', 'lit');
    });
    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target.closest('input, textarea, select')) return;
      if (event.key === 'n') step(1);
      else if (event.key === 'p') step(-1);
      else if (event.key === 'Escape') { clearActive(); showDetail(null); }
    });
    window.addEventListener('hashchange', function () { apply(readState()); });
  });
})();
)JS";

}  // namespace

std::unique_ptr<ReportSink> make_html_sink(std::ostream& out, const ReportContext&) {
  return std::make_unique<HtmlSink>(out);
}

}  // namespace tc
