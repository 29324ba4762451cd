// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/csv.hpp"

namespace painlog {
namespace {

bool needs_formula_guard(std::string_view text) {
    return !text.empty() && std::string_view("=+-@\t\r'").find(text.front()) != std::string_view::npos;
}

}  // namespace

std::string csv_field(std::string_view text) {
    std::string value = needs_formula_guard(text) ? "'" + std::string(text) : std::string(text);
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string unprotect_csv_field(std::string_view text) {
    if (text.size() >= 2 && text.front() == '\'' && needs_formula_guard(text.substr(1)))
        return std::string(text.substr(1));
    return std::string(text);
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line += ',';
        line += csv_field(fields[i]);
    }
    return line + "\r\n";
}

}  // namespace painlog
