#include "report/printers.h"

namespace tc {

Printer find_printer(std::string_view format) {
  if (format == "text") return print_text;
  if (format == "json") return print_json;
  if (format == "sarif") return print_sarif;
  if (format == "github") return print_github;
  if (format == "junit") return print_junit;
  return nullptr;
}

std::string_view printer_names() { return "text|json|sarif|github|junit"; }

}  // namespace tc
