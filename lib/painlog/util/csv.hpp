// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RFC 4180 CSV fields, safe to open in a spreadsheet.

#include <string>
#include <string_view>
#include <vector>

namespace painlog {

// Quotes the field when it holds a comma, quote, CR or LF. A field that a
// spreadsheet would run as a formula (it starts with = + - @ tab or CR) gets
// a leading apostrophe; so does one that starts with an apostrophe, so that
// unprotect_csv_field can undo it exactly.
[[nodiscard]] std::string csv_field(std::string_view text);
[[nodiscard]] std::string unprotect_csv_field(std::string_view text);
// Joins fields into one CRLF-terminated record.
[[nodiscard]] std::string csv_record(const std::vector<std::string>& fields);

}  // namespace painlog
