#include "output.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace painlog::cli {

void add_format_option(CLI::App& cmd, std::string& format, std::initializer_list<std::string> choices,
                       std::string_view what) {
    format = *choices.begin();
    cmd.add_option("--format", format, fmt::format("{}: {} (default {})", what, fmt::join(choices, ", "), format))
        ->check(CLI::IsMember(std::vector<std::string>(choices)))
        ->type_name("FORMAT");
}

}  // namespace painlog::cli
