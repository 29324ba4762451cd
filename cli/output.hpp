#pragma once
// Small helpers the commands share for writing results.

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace CLI { class App; }

namespace painlog::cli {

// Adds --format with the given choices, the first the default; `what`
// starts its help.
void add_format_option(CLI::App& cmd, std::string& format, std::initializer_list<std::string> choices,
                       std::string_view what = "Output format");

// Two-space indented JSON and a newline: readable by people and jq alike.
inline void print_json(std::ostream& out, const nlohmann::ordered_json& json) { out << json.dump(2) << '\n'; }

}  // namespace painlog::cli
