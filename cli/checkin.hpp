// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The guided check-in: one question per field on a terminal.

#include <iosfwd>
#include <optional>

#include "painlog/model/daily.hpp"
#include "painlog/model/entry.hpp"

namespace painlog::cli {

// Asks each question on `prompt`, reading answers from `in`. Enter skips a
// question; a bad answer is explained and asked again. Returns the values
// given (time fields untouched), or nullopt when input ends (Ctrl-D).
// `yesterday` supplies hints; it may be null.
[[nodiscard]] std::optional<Entry> guided_checkin(std::istream& in, std::ostream& prompt,
                                                  const DailyValues* yesterday);

}  // namespace painlog::cli
