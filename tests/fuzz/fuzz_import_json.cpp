// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: painlog's JSON importer (parse_painlog_json). Like the CSV
// importer it must never throw or crash, and must only accept valid entries.

#include <cstdint>

#include "fuzz_import_check.hpp"
#include "painlog/formats/painlog_json.hpp"

using namespace painlog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ImportRules rules{fuzz::fixed_time().now, 0};
    fuzz::require_valid(parse_painlog_json(fuzz::as_text(data, size), rules), rules);
    return 0;
}
