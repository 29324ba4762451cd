// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the Daylio CSV importer (parse_daylio_csv), with Daylio's
// times read in Europe/London so DST gaps and repeats are reachable. It must
// never throw or crash, and must only accept valid entries.

#include <cstdint>

#include "fuzz_import_check.hpp"
#include "painlog/formats/daylio.hpp"

using namespace painlog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto time = fuzz::fixed_time();
    DaylioOptions options;
    options.rules = ImportRules{time.now, 0};
    options.zone = time.zone;
    options.moods = {{"meh-ish", 4}};
    auto text = fuzz::as_text(data, size);
    (void)looks_like_daylio(text);
    fuzz::require_valid(parse_daylio_csv(text, options), options.rules);
    return 0;
}
