// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: painlog's CSV importer (parse_painlog_csv over read_csv).
// It must never throw or crash, whatever the bytes, and what it accepts
// without problems must be valid entries (fuzz_import_check.hpp).

#include <cstdint>

#include "fuzz_import_check.hpp"
#include "painlog/formats/painlog_csv.hpp"
#include "painlog/util/csv_reader.hpp"

using namespace painlog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = fuzz::as_text(data, size);
    auto table = read_csv(text);
    fuzz::require(!table.problem || !table.problem->message.empty(), "a CSV problem without a message");
    ImportRules rules{fuzz::fixed_time().now, 0};
    fuzz::require_valid(parse_painlog_csv(text, rules), rules);
    return 0;
}
