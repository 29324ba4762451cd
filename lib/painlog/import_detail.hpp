#pragma once
// Helpers shared by the importers (import.cpp, daylio.cpp); not an interface.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/error.hpp"
#include "painlog/import.hpp"

namespace painlog::detail {

// The first max_import_problems problems, and how many there were: a
// record is good only if `count` did not move while it was read, even once
// the list is full.
struct Problems {
    std::vector<ImportProblem> list;
    std::size_t count = 0;
    void add(std::size_t line, std::string column, std::string message);
};

// The message of an entry parser's InputError, without the option name.
[[nodiscard]] std::string problem_text(const InputError& e);
[[nodiscard]] std::optional<Instant> parse_time(std::string_view text, const ImportRules& rules, std::string& problem);
[[nodiscard]] bool known_zone(const std::string& name);
[[nodiscard]] std::string zone_problem(std::string_view zone);
[[nodiscard]] std::optional<std::int64_t> parse_positive_id(std::string_view text);

}  // namespace painlog::detail
