#pragma once
// Small helpers the commands share for writing results.

#include <functional>
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

// Replaces `path` atomically with what `write` puts on the stream: a new
// temporary file beside it (mode 0600: what painlog writes is health data),
// flushed to disk, then renamed over `path`. A failure, or an exception from
// `write`, leaves `path` as it was and no temporary file behind.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// Two-space indented JSON and a newline: readable by people and jq alike.
inline void print_json(std::ostream& out, const nlohmann::ordered_json& json) { out << json.dump(2) << '\n'; }

}  // namespace painlog::cli
