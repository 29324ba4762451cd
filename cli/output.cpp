#include "output.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace painlog::cli {

void add_format_option(CLI::App& cmd, std::string& format, std::initializer_list<std::string> choices) {
    format = *choices.begin();
    cmd.add_option("--format", format, fmt::format("Output format: {} (default {})", fmt::join(choices, ", "), format))
        ->check(CLI::IsMember(std::vector<std::string>(choices)))
        ->type_name("FORMAT");
}

}  // namespace painlog::cli
